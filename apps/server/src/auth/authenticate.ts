import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { forbidden, unauthorized } from '../http/problem.ts';
import { verifyApiToken } from './api-tokens.ts';
import type { Principal } from './principal.ts';

/** Requires a valid API token (`Authorization: Bearer blst_...`) or session; sets `principal`. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  let principal: Principal | undefined;
  if (header?.toLowerCase().startsWith('bearer ')) {
    const token = await verifyApiToken(c.get('deps').db, header.slice(7).trim());
    if (!token) throw unauthorized('the API token is unknown or revoked');
    principal = { kind: 'token', tokenId: token.id, storeIds: [token.storeId] };
  } else {
    principal = await c.get('deps').resolveSession?.(c.req.raw);
  }
  if (!principal) throw unauthorized();
  c.set('principal', principal);
  await next();
});

/** Throws 403 unless the caller may act for the store (404 would leak which store ids exist, 403 does not). */
export function assertStoreAccess(principal: Principal, storeId: number): void {
  if (!principal.storeIds.includes(storeId)) throw forbidden();
}
