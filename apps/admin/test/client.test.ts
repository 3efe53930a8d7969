import { describe, expect, it } from 'vitest';
import { createApiClient, unwrap } from '../src/api/client.ts';
import { ApiError } from '../src/api/problem.ts';

/** A fake server at the HTTP boundary: records requests and answers with what each test gives it. */
function fakeFetch(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('the API client', () => {
  it('builds typed paths and query strings under /api/v1', async () => {
    const server = fakeFetch(() => json(200, { items: [], nextCursor: null }));
    const api = createApiClient({ baseUrl: 'http://admin.test/api/v1', fetch: server.fetch });
    const page = await unwrap(
      api.GET('/stores/{storeId}/products', {
        params: { path: { storeId: 7 }, query: { q: 'mug', autoSync: 'true', sort: 'sku', limit: 50 } },
      }),
    );
    expect(page.items).toEqual([]);
    const url = new URL(server.requests[0]!.url);
    expect(url.pathname).toBe('/api/v1/stores/7/products');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'mug',
      autoSync: 'true',
      sort: 'sku',
      limit: '50',
    });
  });

  it('sends JSON bodies and returns the parsed answer', async () => {
    const server = fakeFetch(() => json(200, { updated: 2, marked: 4, unmarked: 0 }));
    const api = createApiClient({ baseUrl: 'http://admin.test/api/v1', fetch: server.fetch });
    const change = await unwrap(
      api.POST('/stores/{storeId}/products/auto-sync', {
        params: { path: { storeId: 1 } },
        body: { ids: [3, 4], enabled: true },
      }),
    );
    expect(change.marked).toBe(4);
    expect(server.requests[0]!.method).toBe('POST');
    expect(await server.requests[0]!.json()).toEqual({ ids: [3, 4], enabled: true });
  });

  it('turns a problem+json answer into an ApiError with the reason', async () => {
    const problem = {
      type: 'x',
      title: 'Not found',
      status: 404,
      code: 'not_found',
      detail: 'product 9 not found',
    };
    const server = fakeFetch(() => json(404, problem, 'application/problem+json'));
    const api = createApiClient({ baseUrl: 'http://admin.test/api/v1', fetch: server.fetch });
    const call = unwrap(
      api.PUT('/stores/{storeId}/products/{productId}/auto-sync', {
        params: { path: { storeId: 1, productId: 9 } },
        body: { enabled: true },
      }),
    );
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 404, message: 'product 9 not found' });
  });

  it('reports a 401 so the app can send the merchant to log in', async () => {
    let expired = 0;
    const server = fakeFetch(() =>
      json(401, { type: 'x', title: 'Authentication required', status: 401, code: 'unauthorized' }),
    );
    const api = createApiClient({
      baseUrl: 'http://admin.test/api/v1',
      fetch: server.fetch,
      onUnauthorized: () => expired++,
    });
    await expect(unwrap(api.GET('/stores'))).rejects.toMatchObject({ status: 401 });
    expect(expired).toBe(1);
  });
});
