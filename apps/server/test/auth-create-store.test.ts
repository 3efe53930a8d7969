import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionTestServer, type SessionTestServer } from './support/test-server.ts';

const PASSWORD = 'correct horse battery staple';

async function storeCount(s: SessionTestServer): Promise<number> {
  const row = await s.t.db
    .selectFrom('stores')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe(`POST /stores [${dialect}]`, () => {
    let s: SessionTestServer;
    let cookie: string;
    beforeAll(async () => {
      s = await createSessionTestServer(dialect);
      await s.createUser('owner@example.com', PASSWORD, [s.store.id]);
      cookie = await s.signIn('owner@example.com', PASSWORD);
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('creates a store whose owner is the signed-in user, usable at once', async () => {
        const res = await s.request('POST', '/stores', {
          cookie,
          body: { name: 'Second shop', defaultLocationName: 'Garage' },
        });
        expect(res.status).toBe(201);
        const store = (await res.json()) as { id: number; name: string; allowNegative: boolean };
        expect(store).toMatchObject({ name: 'Second shop', allowNegative: false });

        const session = (await (await s.request('GET', '/auth/session', { cookie })).json()) as {
          stores: { id: number; role: string }[];
        };
        expect(session.stores).toContainEqual({ id: store.id, name: 'Second shop', role: 'owner' });
        expect((await s.request('GET', `/stores/${store.id}`, { cookie })).status).toBe(200);
        // The store's API token for store A still cannot see it.
        expect((await s.request('GET', `/stores/${store.id}`)).status).toBe(403);
      });

      it('replays the first answer for the same Idempotency-Key and creates one store', async () => {
        const before = await storeCount(s);
        const send = () =>
          s.request('POST', '/stores', {
            cookie,
            headers: { 'idempotency-key': 'new-store-1' },
            body: { name: 'Once' },
          });
        const first = await send();
        const again = await send();
        expect(again.status).toBe(201);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(await again.json()).toEqual(await first.json());
        expect(await storeCount(s)).toBe(before + 1);
      });
    });

    describe('error', () => {
      it('answers bad input with 422 naming the fields, and creates nothing', async () => {
        const before = await storeCount(s);
        const res = await s.request('POST', '/stores', { cookie, body: { name: '  ', color: 'red' } });
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as { errors: { field: string }[] };
        expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['body.name']));
        expect(await storeCount(s)).toBe(before);
      });
    });

    describe('security', () => {
      it('refuses an API token with 403 and creates nothing', async () => {
        const before = await storeCount(s);
        const res = await s.request('POST', '/stores', { body: { name: 'By a machine' } });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'forbidden' });
        expect(await storeCount(s)).toBe(before);
      });

      it('refuses a request without credentials, a revoked session and a cross-site form', async () => {
        const before = await storeCount(s);
        expect((await s.request('POST', '/stores', { token: null, body: { name: 'x' } })).status).toBe(401);
        const cross = await s.request('POST', '/stores', {
          cookie,
          origin: 'https://evil.example',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ name: 'x' }),
        });
        expect(cross.status).toBe(403);
        const other = await s.signIn('owner@example.com', PASSWORD);
        await s.request('POST', '/auth/sign-out', { cookie: other });
        expect((await s.request('POST', '/stores', { cookie: other, body: { name: 'x' } })).status).toBe(401);
        expect(await storeCount(s)).toBe(before);
      });
    });
  });
}
