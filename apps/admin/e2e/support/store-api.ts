import { type ApiClient, createApiClient, unwrap } from '../../src/api/client.ts';
import type { BallastServer } from './ballast-server.ts';

/**
 * The server's first store through the API, with a token the CLI made for it (as a self-hoster would), to
 * seed data and to check what the UI did.
 */
export async function firstStoreApi(server: BallastServer) {
  const printed = await server.cli('token', 'create', '--store', '1', '--name', 'e2e');
  // The CLI prints the secret last.
  const token = printed.trim().split(/\s+/).at(-1)!;
  const api: ApiClient = createApiClient({
    baseUrl: `${server.url}/api/v1`,
    headers: { authorization: `Bearer ${token}` },
  });
  const store = (await unwrap(api.GET('/stores'))).items[0]!;
  return { api, store };
}

/** A merchant user with a store of their own (the server's first), and that store through the API. */
export async function merchantWithStore(
  server: BallastServer,
  user: { email: string; password: string; storeName: string },
) {
  await server.cli(
    'user',
    'create',
    '--email',
    user.email,
    '--password',
    user.password,
    '--store-name',
    user.storeName,
  );
  return firstStoreApi(server);
}
