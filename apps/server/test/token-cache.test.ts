import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiToken, revokeApiToken, verifyApiToken } from '../src/auth/api-tokens.ts';
import { VERIFIED_TOKEN_TTL_MS } from '../src/auth/verified-token-cache.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

// Verified tokens are trusted for VERIFIED_TOKEN_TTL_MS without a lookup: what that may and may not change.
for (const dialect of DIALECTS) {
  describe(`verified token cache [${dialect}]`, () => {
    let s: TestServer;
    afterEach(async () => {
      vi.restoreAllMocks();
      await s.close();
    });

    const listProducts = (token: string) => s.request('GET', `/stores/${s.store.id}/products`, { token });

    /** What another process (a second `api` process on PostgreSQL) does: the row changes, this cache does not. */
    const revokeElsewhere = (tokenId: number) =>
      s.t.db
        .withTables<{ apiTokens: { id: number; revokedAt: number | null } }>()
        .updateTable('apiTokens')
        .set({ revokedAt: Date.now() })
        .where('id', '=', tokenId)
        .execute();

    it('a token revoked in this process is refused at once, though it was just verified', async () => {
      s = await createTestServer(dialect);
      const { token, secret } = await createApiToken(s.t.db, s.store.id, 'scanner');
      expect((await listProducts(secret)).status).toBe(200);
      await revokeApiToken(s.t.db, s.store.id, token.id);
      expect((await listProducts(secret)).status).toBe(401);
      // Another token of the store is not affected.
      expect((await listProducts(s.token)).status).toBe(200);
    });

    it('a token revoked by another process is refused once the cached verification expires', async () => {
      s = await createTestServer(dialect);
      const { token, secret } = await createApiToken(s.t.db, s.store.id, 'scanner');
      const start = Date.now();
      const clock = vi.spyOn(Date, 'now').mockReturnValue(start);
      expect((await listProducts(secret)).status).toBe(200);
      await revokeElsewhere(token.id);
      clock.mockReturnValue(start + VERIFIED_TOKEN_TTL_MS - 1);
      expect((await listProducts(secret)).status).toBe(200);
      clock.mockReturnValue(start + VERIFIED_TOKEN_TTL_MS);
      expect((await listProducts(secret)).status).toBe(401);
    });

    it('does not cache unknown secrets: a token created after a failed try works at once', async () => {
      s = await createTestServer(dialect);
      expect(await verifyApiToken(s.t.db, 'blst_not-a-real-token')).toBeUndefined();
      const { secret } = await createApiToken(s.t.db, s.store.id, 'late');
      expect(await verifyApiToken(s.t.db, secret)).toMatchObject({ name: 'late' });
    });

    it('keeps stamping last use once a minute while the token is served from the cache', async () => {
      s = await createTestServer(dialect);
      const { token, secret } = await createApiToken(s.t.db, s.store.id, 'scanner');
      const lastUsed = async () =>
        (
          await s.t.db
            .withTables<{ apiTokens: { id: number; lastUsedAt: number | null } }>()
            .selectFrom('apiTokens')
            .select('lastUsedAt')
            .where('id', '=', token.id)
            .executeTakeFirstOrThrow()
        ).lastUsedAt;
      const start = Date.now();
      const clock = vi.spyOn(Date, 'now').mockReturnValue(start);
      await verifyApiToken(s.t.db, secret);
      expect(await lastUsed()).toBe(start);
      clock.mockReturnValue(start + 1_000);
      expect(await verifyApiToken(s.t.db, secret)).toMatchObject({ lastUsedAt: start });
      expect(await lastUsed()).toBe(start);
      // Re-verified from the database after the TTL, then cached again: the stamp still moves on after a minute.
      clock.mockReturnValue(start + 61_000);
      expect(await verifyApiToken(s.t.db, secret)).toMatchObject({ lastUsedAt: start + 61_000 });
      expect(await lastUsed()).toBe(start + 61_000);
    });
  });
}
