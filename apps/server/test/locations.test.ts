import { listLocations } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ProblemBody {
  code: string;
  errors?: { field: string }[];
}

for (const dialect of DIALECTS) {
  describe(`locations API [${dialect}]`, () => {
    let s: TestServer;
    let base: string;
    beforeAll(async () => {
      s = await createTestServer(dialect);
      base = `/stores/${s.store.id}`;
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('lists the default location, adds one, and lists both', async () => {
        const first = await s.request('GET', `${base}/locations`);
        expect(first.status).toBe(200);
        expect(await first.json()).toEqual({
          items: [expect.objectContaining({ storeId: s.store.id, isDefault: true })],
        });

        const res = await s.request('POST', `${base}/locations`, { body: { name: '  Back room ' } });
        expect(res.status).toBe(201);
        const created = (await res.json()) as { id: number };
        expect(created).toMatchObject({ storeId: s.store.id, name: 'Back room', isDefault: false });

        const list = (await (await s.request('GET', `${base}/locations`)).json()) as {
          items: { id: number }[];
        };
        expect(list.items.map((l) => l.id)).toEqual([s.store.defaultLocationId, created.id]);
      });

      it('replays a POST with the same Idempotency-Key instead of adding twice', async () => {
        const send = () =>
          s.request('POST', `${base}/locations`, {
            body: { name: 'Overflow' },
            headers: { 'idempotency-key': 'loc-overflow' },
          });
        const a = await send();
        const b = await send();
        expect(a.status).toBe(201);
        expect(b.status).toBe(201);
        expect(b.headers.get('idempotent-replayed')).toBe('true');
        expect(await b.json()).toEqual(await a.json());
        const named = (await listLocations(s.t.db, s.store.id)).filter((l) => l.name === 'Overflow');
        expect(named).toHaveLength(1);
      });
    });

    describe('error', () => {
      it('refuses a blank name or an unknown field, and writes nothing', async () => {
        const before = (await listLocations(s.t.db, s.store.id)).length;
        for (const [body, field] of [
          [{ name: '   ' }, 'body.name'],
          [{}, 'body.name'],
          [{ name: 'Shed', isDefault: true }, 'body'],
        ] as const) {
          const res = await s.request('POST', `${base}/locations`, { body });
          expect(res.status).toBe(422);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(((await res.json()) as ProblemBody).errors?.map((e) => e.field)).toContain(field);
        }
        expect(await listLocations(s.t.db, s.store.id)).toHaveLength(before);
      });

      it('refuses a name the store already uses with 409 on the name field', async () => {
        const before = (await listLocations(s.t.db, s.store.id)).length;
        const res = await s.request('POST', `${base}/locations`, { body: { name: 'Back room' } });
        expect(res.status).toBe(409);
        expect(((await res.json()) as ProblemBody).errors?.map((e) => e.field)).toEqual(['body.name']);
        expect(await listLocations(s.t.db, s.store.id)).toHaveLength(before);
      });

      it('answers an unreadable store id with 422', async () => {
        const res = await s.request('GET', '/stores/x/locations');
        expect(res.status).toBe(422);
      });
    });

    describe('security', () => {
      it('refuses no token and a revoked token', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'old');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const bearer of [null, secret]) {
          expect((await s.request('GET', `${base}/locations`, { token: bearer })).status).toBe(401);
          const post = await s.request('POST', `${base}/locations`, {
            token: bearer,
            body: { name: 'Nope' },
          });
          expect(post.status).toBe(401);
        }
      });

      it('refuses another store’s token, reading or writing', async () => {
        const before = await listLocations(s.t.db, s.store.id);
        expect((await s.request('GET', `${base}/locations`, { token: s.otherToken })).status).toBe(403);
        const post = await s.request('POST', `${base}/locations`, {
          token: s.otherToken,
          body: { name: 'Evil' },
        });
        expect(post.status).toBe(403);
        expect(await listLocations(s.t.db, s.store.id)).toEqual(before);
        // And their own list shows none of ours.
        const theirs = await s.request('GET', `/stores/${s.otherStore.id}/locations`, {
          token: s.otherToken,
        });
        const items = ((await theirs.json()) as { items: { storeId: number }[] }).items;
        expect(items.every((l) => l.storeId === s.otherStore.id)).toBe(true);
      });
    });
  });
}
