import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFieldPath } from '../src/http/problem.ts';
import { createTestServer, expectProblem, seedStock, type TestServer } from './support/test-server.ts';

// The one convention for `errors[].field`: the request part (body, query, path, header), then the path inside
// it. Schema checks (zod-openapi) and domain checks (core) must name a field the same way: the admin keys its
// form errors on these strings (`body.lines[0].sku`).

const REQUEST_PART = /^(body|query|path|header)(\.|\[|$)/;

describe('requestFieldPath', () => {
  it('starts with the part and writes array items as [index]', () => {
    expect(requestFieldPath('body', ['lines', 0, 'sku'])).toBe('body.lines[0].sku');
    expect(requestFieldPath('body', [2, 'sku'])).toBe('body[2].sku');
    expect(requestFieldPath('query', ['limit'])).toBe('query.limit');
    expect(requestFieldPath('path', ['orderId'])).toBe('path.orderId');
    expect(requestFieldPath('body', [])).toBe('body');
  });
});

for (const dialect of DIALECTS) {
  describe(`problem field paths [${dialect}]`, () => {
    let s: TestServer;
    const orders = () => `/stores/${s.store.id}/sales-orders`;
    const fields = async (res: Response, status: number) =>
      (await expectProblem(res, status)).errors?.map((e) => e.field);

    beforeAll(async () => {
      s = await createTestServer(dialect);
      await seedStock(s, { MUG: 5 });
    });
    afterAll(() => s.close());

    it('names a body field body.<name>, from the schema and from the domain alike', async () => {
      const products = `/stores/${s.store.id}/products`;
      expect(await fields(await s.request('POST', products, { body: { name: 'No SKU' } }), 422)).toEqual([
        'body.sku',
      ]);
      // The SKU is well-formed, so only core knows it is taken.
      expect(
        await fields(await s.request('POST', products, { body: { sku: 'MUG', name: 'Again' } }), 409),
      ).toEqual(['body.sku']);
    });

    it('names a nested array field body.<array>[<index>].<name>, from the schema and from the domain alike', async () => {
      const schema = await s.request('POST', orders(), {
        body: {
          number: 'SO-F1',
          lines: [
            { sku: 'MUG', quantity: 1 },
            { sku: 'MUG', quantity: 0 },
          ],
        },
      });
      expect(await fields(schema, 422)).toEqual(['body.lines[1].quantity']);
      const domain = await s.request('POST', orders(), {
        body: {
          number: 'SO-F2',
          lines: [
            { sku: 'MUG', quantity: 1 },
            { sku: 'NOPE', quantity: 1 },
          ],
        },
      });
      expect(await fields(domain, 422)).toEqual(['body.lines[1].sku']);
    });

    it('names a query parameter query.<name>, from the schema and from the domain alike', async () => {
      expect(await fields(await s.request('GET', `${orders()}?limit=0`), 422)).toEqual(['query.limit']);
      // Any string is a well-formed cursor to the schema; core finds it is not one of its own.
      expect(await fields(await s.request('GET', `${orders()}?cursor=bogus`), 422)).toEqual(['query.cursor']);
    });

    it('names a path parameter path.<name>, from the schema and from the domain alike', async () => {
      expect(await fields(await s.request('GET', `${orders()}/abc`), 422)).toEqual(['path.orderId']);
      expect(await fields(await s.request('GET', `${orders()}/999999`), 404)).toEqual(['path.orderId']);
      const entry = `/stores/${s.store.id}/sync-history/999999`;
      expect(await fields(await s.request('GET', entry), 404)).toEqual(['path.entryId']);
    });

    it('every operation names unreadable or unknown path parameters and empty bodies by request part', async () => {
      const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
      };
      let checked = 0;
      for (const [template, methods] of Object.entries(doc.paths)) {
        if (!template.startsWith('/stores/{storeId}/')) continue;
        for (const [method, operation] of Object.entries(methods)) {
          const params = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'storeId');
          const at = (id: string) =>
            template.replaceAll('{storeId}', String(s.store.id)).replaceAll(/\{\w+\}/g, id);
          const body = ['post', 'put', 'patch'].includes(method) ? {} : undefined;
          for (const id of ['abc', '999999999']) {
            const res = await s.request(method.toUpperCase(), at(id), { body });
            if (res.status < 400) continue;
            const problem = await expectProblem(res, res.status);
            const named = (problem.errors ?? []).map((e) => e.field);
            const where = `${method.toUpperCase()} ${template} (${id})`;
            expect({ where, named: named.filter((f) => !REQUEST_PART.test(f)) }).toEqual({
              where,
              named: [],
            });
            if (id === 'abc' && params.length > 0) {
              expect({ where, named }).toEqual({
                where,
                named: expect.arrayContaining([`path.${params[0]!.name}`]),
              });
            }
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(40);
    });
  });
}
