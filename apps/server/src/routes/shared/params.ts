import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { assertStoreAccess } from '../../auth/authenticate.ts';

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const storeParamsSchema = z.object({
  storeId: idSchema.openapi({ param: { name: 'storeId', in: 'path' }, example: 1 }),
});

/** The store id in the path, after checking the caller may act for it. */
export function storeIdOf(c: Context<AppEnv>, storeId: number): number {
  assertStoreAccess(c.get('principal'), storeId);
  return storeId;
}

/** Options every mutating domain call takes: the request's Idempotency-Key, namespaced for the domain record. */
export function operationOptions(c: Context<AppEnv>): { idempotencyKey?: string } {
  const key = c.get('idempotencyKey');
  return key ? { idempotencyKey: `http:${key}` } : {};
}
