import { hash, randomBytes } from 'node:crypto';
import { type Db, NotFoundError, preparedQuery, ValidationError } from '@ballast/core';
import { type Generated, sql } from 'kysely';
import { VerifiedTokenCache } from './verified-token-cache.ts';

interface ApiTokensTable {
  id: Generated<number>;
  storeId: number;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiToken {
  id: number;
  storeId: number;
  name: string;
  /** The first characters, to tell tokens apart in lists; the secret itself is shown once at creation. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const tokens = (db: Db) => db.withTables<{ apiTokens: ApiTokensTable }>();
const hashOf = (secret: string) => hash('sha256', secret, 'hex');
const verified = new VerifiedTokenCache<ApiToken>();

/** Creates a store-scoped API token. The secret is returned once and only its hash is stored. */
export async function createApiToken(
  db: Db,
  storeId: number,
  name: string,
): Promise<{ token: ApiToken; secret: string }> {
  const secret = `blst_${randomBytes(24).toString('base64url')}`;
  const prefix = secret.slice(0, 12);
  const createdAt = Date.now();
  const row = await tokens(db)
    .insertInto('apiTokens')
    .values({
      storeId,
      name,
      tokenHash: hashOf(secret),
      prefix,
      createdAt,
      lastUsedAt: null,
      revokedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    token: { id: row.id, storeId, name, prefix, createdAt, lastUsedAt: null, revokedAt: null },
    secret,
  };
}

/**
 * The live token a secret belongs to, or undefined (unknown or revoked). The lookup goes through `reader` (a
 * read connection beside `db`, see AppDeps.readDb); the occasional last-used stamp through `db`. A token
 * verified within VERIFIED_TOKEN_TTL_MS is not looked up again (unknown secrets always are).
 */
export async function verifyApiToken(db: Db, secret: string, reader: Db = db): Promise<ApiToken | undefined> {
  if (!secret.startsWith('blst_')) return undefined;
  const secretHash = hashOf(secret);
  const now = Date.now();
  let token = verified.get(db, secretHash, now);
  if (!token) {
    const row = (await tokenByHash(reader, 0, [secretHash])).rows[0];
    if (!row || row.revokedAt !== null) return undefined;
    verified.set(db, secretHash, row, now);
    token = row;
  }
  if (token.lastUsedAt === null || now - token.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    // At most one write per token per minute: a busy machine client must not turn every read into a write.
    token = { ...token, lastUsedAt: now };
    verified.update(db, secretHash, token);
    await tokens(db).updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', token.id).execute();
  }
  return token;
}

/** Params: the secret's hash. Every API request runs it, so it is prepared (see preparedQuery). */
const tokenByHash = preparedQuery<ApiToken>(
  (slot) => sql`select id, store_id, name, prefix, created_at, last_used_at, revoked_at
    from api_tokens where token_hash = ${slot(0)}`,
);

/** How fresh `lastUsedAt` is kept. */
const LAST_USED_GRANULARITY_MS = 60_000;

export async function listApiTokens(db: Db, storeId: number): Promise<ApiToken[]> {
  return tokens(db)
    .selectFrom('apiTokens')
    .select(['id', 'storeId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('storeId', '=', storeId)
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(db: Db, storeId: number, tokenId: number): Promise<void> {
  const result = await tokens(db)
    .updateTable('apiTokens')
    .set({ revokedAt: Date.now() })
    .where('id', '=', tokenId)
    .where('storeId', '=', storeId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new NotFoundError('API token');
  verified.forget(db, tokenId);
}

export interface ApiTokenPage {
  items: ApiToken[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One page of a store's tokens, newest first (revoked ones included, with `revokedAt`), by keyset on id. */
export async function listApiTokenPage(
  db: Db,
  storeId: number,
  options: { limit: number; cursor?: string | null | undefined },
): Promise<ApiTokenPage> {
  let query = tokens(db)
    .selectFrom('apiTokens')
    .select(['id', 'storeId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('storeId', '=', storeId)
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (options.cursor) query = query.where('id', '<', decodeTokenCursor(options.cursor));
  const rows = await query.execute();
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > options.limit && last ? encodeTokenCursor(last.id) : null };
}

const encodeTokenCursor = (id: number) => Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');

function decodeTokenCursor(cursor: string): number {
  try {
    const id: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))?.id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  } catch {
    // fall through to the typed error
  }
  throw new ValidationError('invalid cursor', [
    { path: ['query', 'cursor'], message: 'not a cursor from this list' },
  ]);
}
