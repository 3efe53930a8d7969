import createClient, { type Client } from 'openapi-fetch';
import { ApiError, isProblem } from './problem.ts';
import type { paths } from './schema.gen.ts';

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Default `/api/v1` on the page's own origin (the server serves the admin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Sent with every request (an API token for scripts and tests; the admin itself uses its cookie). */
  headers?: Record<string, string>;
  /** Called on 401, so the app can send the merchant to the login page. */
  onUnauthorized?: () => void;
}

/** A typed client for the server's OpenAPI document; the session cookie rides along (same origin). */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '/api/v1',
    credentials: 'same-origin',
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.headers && { headers: options.headers }),
  });
  if (options.onUnauthorized) {
    const onUnauthorized = options.onUnauthorized;
    client.use({
      onResponse({ response }) {
        if (response.status === 401) onUnauthorized();
      },
    });
  }
  return client;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The body of a successful call, or an `ApiError` carrying the problem+json the server sent.
 *
 * @example
 * const store = await unwrap(api.GET('/stores/{storeId}', { params: { path: { storeId } } }));
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return data as T;
}
