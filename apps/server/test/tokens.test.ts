import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/auth/api-tokens.ts';
import { createSessionTestServer, type SessionTestServer } from './support/test-server.ts';

const PASSWORD = 'correct horse battery staple';

interface TokenView {
  id: number;
  storeId: number;
  name: string;
  prefix: string;
  revokedAt: number | null;
}

async function tokenCount(s: SessionTestServer, storeId: number): Promise<number> {
  const row = await s.t.db
    .withTables<{ apiTokens: { storeId: number } }>()
    .selectFrom('apiTokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('storeId', '=', storeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every operation of the OpenAPI document that takes a credential (the /auth routes answer without one). */
async function guardedOperations(s: SessionTestServer): Promise<{ method: string; path: string }[]> {
  const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const operations = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/auth/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      if (operation.responses['401']) operations.push({ method: method.toUpperCase(), path });
    }
  }
  return operations;
}

for (const dialect of DIALECTS) {
  describe(`API tokens [${dialect}]`, () => {
    let s: SessionTestServer;
    let owner: string;
    let otherOwner: string;
    beforeAll(async () => {
      s = await createSessionTestServer(dialect);
      await s.createUser('owner@example.com', PASSWORD, [s.store.id]);
      await s.createUser('other@example.com', PASSWORD, [s.otherStore.id]);
      owner = await s.signIn('owner@example.com', PASSWORD);
      otherOwner = await s.signIn('other@example.com', PASSWORD);
    });
    afterAll(() => s.close());

    describe('GET /stores/{storeId}/tokens', () => {
      it('happy: pages through the store’s tokens newest first, never showing secrets', async () => {
        for (const name of ['a', 'b', 'c']) await createApiToken(s.t.db, s.store.id, name);
        const seen: TokenView[] = [];
        let cursor: string | null = null;
        do {
          const query: string = cursor ? `&cursor=${cursor}` : '';
          const res = await s.request('GET', `/stores/${s.store.id}/tokens?limit=2${query}`);
          expect(res.status).toBe(200);
          const page = (await res.json()) as { items: TokenView[]; nextCursor: string | null };
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.map((t) => t.name)).toEqual(['c', 'b', 'a', 'tests']);
        expect(seen.every((t) => t.storeId === s.store.id)).toBe(true);
        const text = JSON.stringify(seen);
        expect(text).not.toContain(s.token);
        expect(text).not.toMatch(/hash/i);
      });

      it('happy: records when a token was last used, at most once a minute', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'used');
        const lastUsed = async () => {
          const page = (await (await s.request('GET', `/stores/${s.store.id}/tokens?limit=200`)).json()) as {
            items: (TokenView & { lastUsedAt: number | null })[];
          };
          return page.items.find((t) => t.id === token.id)?.lastUsedAt;
        };
        expect(await lastUsed()).toBeNull();
        const before = Date.now();
        await s.request('GET', `/stores/${s.store.id}`, { token: secret });
        const first = await lastUsed();
        expect(first).toBeGreaterThanOrEqual(before);
        await s.request('GET', `/stores/${s.store.id}`, { token: secret });
        expect(await lastUsed()).toBe(first);
      });

      it('error: an unreadable cursor or limit gets 422 naming the query field', async () => {
        const bad = await s.request('GET', `/stores/${s.store.id}/tokens?cursor=nope`);
        expect(bad.status).toBe(422);
        expect(await bad.json()).toMatchObject({ errors: [{ field: 'query.cursor' }] });
        const limit = await s.request('GET', `/stores/${s.store.id}/tokens?limit=0`);
        expect(limit.status).toBe(422);
        expect(await limit.json()).toMatchObject({ errors: [{ field: 'query.limit' }] });
      });

      it('security: no credential 401; store A’s token or user on store B 403', async () => {
        expect((await s.request('GET', `/stores/${s.store.id}/tokens`, { token: null })).status).toBe(401);
        expect((await s.request('GET', `/stores/${s.otherStore.id}/tokens`)).status).toBe(403);
        const res = await s.request('GET', `/stores/${s.otherStore.id}/tokens`, { cookie: owner });
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      });
    });

    describe('POST /stores/{storeId}/tokens', () => {
      it('happy: a user creates a token; its secret is shown once and works for that store only', async () => {
        const res = await s.request('POST', `/stores/${s.store.id}/tokens`, {
          cookie: owner,
          body: { name: 'scanner' },
        });
        expect(res.status).toBe(201);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const { token, secret } = (await res.json()) as { token: TokenView; secret: string };
        expect(token).toMatchObject({ storeId: s.store.id, name: 'scanner', revokedAt: null });
        expect(secret.startsWith(token.prefix)).toBe(true);

        expect((await s.request('GET', `/stores/${s.store.id}`, { token: secret })).status).toBe(200);
        expect((await s.request('GET', `/stores/${s.otherStore.id}`, { token: secret })).status).toBe(403);
        const list = await s.request('GET', `/stores/${s.store.id}/tokens`, { cookie: owner });
        const listed = (await list.json()) as { items: TokenView[] };
        expect(listed.items[0]).toMatchObject({ id: token.id, name: 'scanner' });
        expect(JSON.stringify(listed)).not.toContain(secret);
      });

      it('error: refuses an Idempotency-Key (a replay would need the secret stored), writing no token', async () => {
        const before = await tokenCount(s, s.store.id);
        const res = await s.request('POST', `/stores/${s.store.id}/tokens`, {
          cookie: owner,
          headers: { 'idempotency-key': 'token-1' },
          body: { name: 'replayable' },
        });
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ errors: [{ field: 'header.idempotency-key' }] });
        expect(await tokenCount(s, s.store.id)).toBe(before);
        const stored = await s.t.db
          .withTables<{ httpIdempotency: { body: string | null } }>()
          .selectFrom('httpIdempotency')
          .select('body')
          .execute();
        expect(stored.some((row) => row.body?.includes('blst_'))).toBe(false);
      });

      it('error: bad input gets 422 naming the field, and no token is written', async () => {
        const before = await tokenCount(s, s.store.id);
        for (const body of [{ name: '' }, { name: 'x', scopes: ['all'] }, {}]) {
          const res = await s.request('POST', `/stores/${s.store.id}/tokens`, { cookie: owner, body });
          expect(res.status).toBe(422);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
          expect(fields.some((f) => f.startsWith('body'))).toBe(true);
        }
        expect(await tokenCount(s, s.store.id)).toBe(before);
      });

      it('security: tokens cannot mint tokens; other stores and strangers are refused; nothing written', async () => {
        const before = await tokenCount(s, s.store.id);
        const byToken = await s.request('POST', `/stores/${s.store.id}/tokens`, { body: { name: 'x' } });
        expect(byToken.status).toBe(403);
        const byOtherToken = await s.request('POST', `/stores/${s.store.id}/tokens`, {
          token: s.otherToken,
          body: { name: 'x' },
        });
        expect(byOtherToken.status).toBe(403);
        const byOtherUser = await s.request('POST', `/stores/${s.store.id}/tokens`, {
          cookie: otherOwner,
          body: { name: 'x' },
        });
        expect(byOtherUser.status).toBe(403);
        expect(
          (await s.request('POST', `/stores/${s.store.id}/tokens`, { token: null, body: { name: 'x' } }))
            .status,
        ).toBe(401);
        expect(await tokenCount(s, s.store.id)).toBe(before);
      });
    });

    describe('DELETE /stores/{storeId}/tokens/{tokenId}', () => {
      it('happy: a revoked token gets 401 on every route from then on', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'to revoke');
        expect((await s.request('GET', `/stores/${s.store.id}`, { token: secret })).status).toBe(200);
        const res = await s.request('DELETE', `/stores/${s.store.id}/tokens/${token.id}`, { cookie: owner });
        expect(res.status).toBe(204);

        const operations = await guardedOperations(s);
        expect(operations.length).toBeGreaterThan(5);
        for (const { method, path } of operations) {
          const concrete = path.replaceAll('{storeId}', String(s.store.id)).replaceAll(/\{\w+\}/g, '1');
          const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
          const answer = await s.request(method, concrete, { token: secret, body });
          expect({ method, path, status: answer.status }).toEqual({ method, path, status: 401 });
        }
        const listed = (await (await s.request('GET', `/stores/${s.store.id}/tokens`)).json()) as {
          items: TokenView[];
        };
        expect(listed.items.find((t) => t.id === token.id)?.revokedAt).toEqual(expect.any(Number));
      });

      it('error: an unknown or already revoked token is 404; an unreadable id 422', async () => {
        const { token } = await createApiToken(s.t.db, s.store.id, 'twice');
        const path = `/stores/${s.store.id}/tokens/${token.id}`;
        expect((await s.request('DELETE', path, { cookie: owner })).status).toBe(204);
        const again = await s.request('DELETE', path, { cookie: owner });
        expect(again.status).toBe(404);
        expect(again.headers.get('content-type')).toBe('application/problem+json');
        expect(
          (await s.request('DELETE', `/stores/${s.store.id}/tokens/999999`, { cookie: owner })).status,
        ).toBe(404);
        const bad = await s.request('DELETE', `/stores/${s.store.id}/tokens/abc`, { cookie: owner });
        expect(bad.status).toBe(422);
        expect(await bad.json()).toMatchObject({ errors: [{ field: 'path.tokenId' }] });
      });

      it('security: only the store’s own users revoke its tokens; the token keeps working otherwise', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'kept');
        const path = `/stores/${s.store.id}/tokens/${token.id}`;
        expect((await s.request('DELETE', path, { token: null })).status).toBe(401);
        expect((await s.request('DELETE', path, { token: secret })).status).toBe(403);
        expect((await s.request('DELETE', path, { token: s.otherToken })).status).toBe(403);
        expect((await s.request('DELETE', path, { cookie: otherOwner })).status).toBe(403);
        // Through their own store's path, another store's user cannot reach this token either.
        const sideways = `/stores/${s.otherStore.id}/tokens/${token.id}`;
        expect((await s.request('DELETE', sideways, { cookie: otherOwner })).status).toBe(404);
        expect((await s.request('GET', `/stores/${s.store.id}`, { token: secret })).status).toBe(200);
      });
    });
  });
}
