import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './support/test-server.ts';

for (const dialect of DIALECTS) {
  describe(`stores API [${dialect}]`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await createTestServer(dialect);
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('lists only the stores the token is for', async () => {
        const res = await s.request('GET', '/stores');
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
          items: [expect.objectContaining({ id: s.store.id, name: 'Main store' })],
        });
      });

      it('reads and updates a store', async () => {
        const res = await s.request('PATCH', `/stores/${s.store.id}`, { body: { allowNegative: true } });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ id: s.store.id, allowNegative: true });
        const read = await s.request('GET', `/stores/${s.store.id}`);
        expect(await read.json()).toMatchObject({ allowNegative: true });
      });
    });

    describe('error', () => {
      it('answers bad input with problem+json naming the field, and changes nothing', async () => {
        const res = await s.request('PATCH', `/stores/${s.store.id}`, { body: { name: '', color: 'red' } });
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as { errors: { field: string }[] };
        expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['body.name']));
        const read = await s.request('GET', `/stores/${s.store.id}`);
        expect(await read.json()).toMatchObject({ name: 'Main store' });
      });

      it('answers an unreadable path parameter with 422', async () => {
        const res = await s.request('GET', '/stores/abc');
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ errors: [{ field: 'path.storeId' }] });
      });

      it('answers unknown routes with a problem 404', async () => {
        const res = await s.app.request('/nowhere');
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      });
    });

    describe('security', () => {
      it('refuses requests without a token', async () => {
        const res = await s.request('GET', '/stores', { token: null });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      });

      it('refuses another store’s token, reading or writing', async () => {
        expect((await s.request('GET', `/stores/${s.store.id}`, { token: s.otherToken })).status).toBe(403);
        const write = await s.request('PATCH', `/stores/${s.store.id}`, {
          token: s.otherToken,
          body: { name: 'Hacked' },
        });
        expect(write.status).toBe(403);
        expect(await (await s.request('GET', `/stores/${s.store.id}`)).json()).toMatchObject({
          name: 'Main store',
        });
      });

      it('refuses an unknown token', async () => {
        expect((await s.request('GET', '/stores', { token: 'blst_nope' })).status).toBe(401);
      });
    });

    it('serves the OpenAPI document without a token', async () => {
      const res = await s.app.request('/api/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/stores/{storeId}');
    });
  });
}
