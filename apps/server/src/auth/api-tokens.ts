import { createHash, randomBytes } from 'node:crypto';
import { type Db, NotFoundError } from '@ballast/core';
import type { Generated } from 'kysely';

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
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

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

/** The live token a secret belongs to, or undefined (unknown or revoked). */
export async function verifyApiToken(db: Db, secret: string): Promise<ApiToken | undefined> {
  if (!secret.startsWith('blst_')) return undefined;
  const row = await tokens(db)
    .selectFrom('apiTokens')
    .select(['id', 'storeId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('tokenHash', '=', hashOf(secret))
    .executeTakeFirst();
  if (!row || row.revokedAt !== null) return undefined;
  return row;
}

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
}
