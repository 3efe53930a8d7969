import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpProblem, problem } from './problem.ts';

interface HttpIdempotencyTable {
  principal: string;
  key: string;
  requestHash: string;
  status: number | null;
  body: string | null;
  contentType: string | null;
  createdAt: number;
}

/** A first request whose answer never got stored (its process died) stops blocking its key after this. */
const ABANDONED_AFTER_MS = 60_000;

const principalKey = (p: Principal) => (p.kind === 'token' ? `token:${p.tokenId}` : `user:${p.userId}`);

/**
 * Honours `Idempotency-Key` on every POST: the first answer (2xx or 4xx) is stored and replayed for the same
 * key and request; the same key with another request is refused. Routes also hand the key to the domain
 * operation, whose own record shares the write's transaction, so even a crash between the write and storing
 * the answer cannot apply a request twice.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || !key) return next();
  if (key.length > 200) {
    throw new HttpProblem(
      problem(422, 'validation', 'Idempotency-Key is too long', [
        { field: 'header.idempotency-key', reason: 'at most 200 characters' },
      ]),
    );
  }
  const db = c.get('deps').db.withTables<{ httpIdempotency: HttpIdempotencyTable }>();
  const principal = principalKey(c.get('principal'));
  const body = await c.req.raw.clone().arrayBuffer();
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(new Uint8Array(body))
    .digest('hex');
  const now = Date.now();

  const claimed = await db
    .insertInto('httpIdempotency')
    .values({ principal, key, requestHash, status: null, body: null, contentType: null, createdAt: now })
    .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const first = await db
      .selectFrom('httpIdempotency')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (first.requestHash !== requestHash) {
      throw new HttpProblem(
        problem(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another request', [
          { field: 'header.idempotency-key', reason: 'already used for a different request' },
        ]),
      );
    }
    if (first.status !== null) {
      return c.body(first.body ?? '', first.status as 200, {
        'content-type': first.contentType ?? 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    if (now - first.createdAt < ABANDONED_AFTER_MS) {
      throw new HttpProblem(
        problem(409, 'conflict', 'a request with this Idempotency-Key is still in progress'),
      );
    }
  }

  c.set('idempotencyKey', key);
  await next();
  const status = c.res.status;
  if (status >= 500) {
    // Server faults are not answers: free the key so the client can retry.
    await db
      .deleteFrom('httpIdempotency')
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
    return;
  }
  const text = await c.res.clone().text();
  await db
    .updateTable('httpIdempotency')
    .set({ status, body: text, contentType: c.res.headers.get('content-type'), createdAt: now })
    .where('principal', '=', principal)
    .where('key', '=', key)
    .execute();
});
