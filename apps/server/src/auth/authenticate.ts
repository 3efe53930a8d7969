import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { forbidden, unauthorized } from '../http/problem.ts';
import { verifyApiToken } from './api-tokens.ts';
// Registers the users, sessions and store membership tables with the server migrations: every process that
// builds the app (or runs `ballast migrate`) must have them registered before `migrateServer` runs.
import './auth-migrations.ts';
import type { Principal } from './principal.ts';
import { assertSessionRequestSameOrigin } from './session-csrf.ts';

/** Requires a valid API token (`Authorization: Bearer blst_...`) or session; sets `principal`. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  let principal: Principal | undefined;
  if (header?.toLowerCase().startsWith('bearer ')) {
    const { db, readDb } = c.get('deps');
    const token = await verifyApiToken(db, header.slice(7).trim(), readDb);
    if (!token) throw unauthorized('the API token is unknown or revoked');
    principal = { kind: 'token', tokenId: token.id, storeIds: [token.storeId] };
  } else {
    principal = await c.get('deps').resolveSession?.(c.req.raw);
  }
  if (!principal) throw unauthorized();
  if (principal.kind === 'user') await assertSessionRequestSameOrigin(c);
  c.set('principal', principal);
  await next();
});

/** Throws 403 unless the caller may act for the store (404 would leak which store ids exist, 403 does not). */
export function assertStoreAccess(principal: Principal, storeId: number): void {
  if (!principal.storeIds.includes(storeId)) throw forbidden();
}

/** Throws 403 unless the caller is a signed-in user: creating stores and managing tokens is not for machines. */
export function assertUser(
  principal: Principal,
  action: string,
): asserts principal is Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw forbidden(`${action} needs a signed-in user; an API token cannot`);
}
