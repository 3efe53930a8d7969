import { adjustStock } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import {
  createSessionTestServer,
  expectProblem,
  type SessionTestServer,
  seedStock,
} from './support/test-server.ts';

interface AdjustmentView {
  id: number;
  reason: string;
  madeBy: { kind: string; id: string | null; name: string | null };
  createdAt: number;
  lines: { sku: string; productId: number; mode: string; quantity: number; delta: number }[];
}
interface AdjustmentPage {
  items: AdjustmentView[];
  nextCursor: string | null;
}

for (const dialect of DIALECTS) {
  describe(`adjustment history API [${dialect}]`, () => {
    let s: SessionTestServer;
    let cookie: string;
    const list = (query = '') => `/stores/${s.store.id}/adjustments${query}`;
    const one = (id: number | string) => `/stores/${s.store.id}/adjustments/${id}`;
    const ids = (page: AdjustmentPage) => page.items.map((a) => a.id);
    const create = async (body: unknown, options: { cookie?: string } = {}) => {
      const res = await s.request('POST', list(), { body, ...options });
      expect(res.status).toBe(201);
      return (await res.json()) as AdjustmentView;
    };
    let counted: AdjustmentView;
    let damaged: AdjustmentView;
    let found: AdjustmentView;

    beforeAll(async () => {
      s = await createSessionTestServer(dialect);
      await s.createUser('owner@example.com', 'correct horse battery staple', [s.store.id]);
      cookie = await s.signIn('owner@example.com', 'correct horse battery staple');
      await seedStock(s, { MUG: 0, CUP: 0 });
      counted = await create({ reason: 'cycle count', lines: [{ sku: 'MUG', set: 10 }] });
      damaged = await create(
        {
          reason: 'damaged',
          lines: [
            { sku: 'MUG', delta: -2 },
            { sku: 'CUP', set: 4 },
          ],
        },
        { cookie },
      );
      found = await create({ reason: 'found', lines: [{ sku: 'CUP', delta: 1 }] });
      await seedStock(s, { 'THEIR-MUG': 3 }, s.otherStore.id);
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('lists newest first, each with its lines, the mode and quantity asked, and who made it', async () => {
        const res = await s.request('GET', list());
        expect(res.status).toBe(200);
        const page = (await res.json()) as AdjustmentPage;
        expect(page).toEqual({ items: [found, damaged, counted], nextCursor: null });
        expect(damaged).toMatchObject({
          reason: 'damaged',
          madeBy: { kind: 'user', id: expect.any(String), name: 'owner@example.com' },
          lines: [
            { sku: 'MUG', mode: 'delta', quantity: -2, delta: -2 },
            { sku: 'CUP', mode: 'set', quantity: 4, delta: 4 },
          ],
        });
        expect(counted.madeBy).toEqual({ kind: 'token', id: expect.any(String), name: 'tests' });
      });

      it('pages with the cursor and filters by SKU, product and time', async () => {
        const first = (await (await s.request('GET', list('?limit=2'))).json()) as AdjustmentPage;
        expect(ids(first)).toEqual([found.id, damaged.id]);
        const next = `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`;
        expect(await (await s.request('GET', list(next))).json()).toEqual({
          items: [counted],
          nextCursor: null,
        });

        const bySku = (await (await s.request('GET', list('?sku=MUG'))).json()) as AdjustmentPage;
        expect(ids(bySku)).toEqual([damaged.id, counted.id]);
        const cup = damaged.lines[1]!.productId;
        const byProduct = (await (
          await s.request('GET', list(`?productId=${cup}`))
        ).json()) as AdjustmentPage;
        expect(ids(byProduct)).toEqual([found.id, damaged.id]);
        const inTime = async (query: string) =>
          ids((await (await s.request('GET', list(query))).json()) as AdjustmentPage);
        const iso = (millis: number) => encodeURIComponent(new Date(millis).toISOString());
        expect(await inTime(`?from=${iso(counted.createdAt)}&to=${iso(found.createdAt + 1)}`)).toEqual([
          found.id,
          damaged.id,
          counted.id,
        ]);
        expect(await inTime(`?from=${found.createdAt + 1}`)).toEqual([]);
        expect(await inTime(`?to=${counted.createdAt}`)).toEqual([]);
        expect(await inTime(`?sku=MUG&to=${found.createdAt + 1}`)).toEqual([damaged.id, counted.id]);
      });

      it('reads one adjustment back as it was created', async () => {
        const res = await s.request('GET', one(damaged.id), { cookie });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(damaged);
      });
    });

    describe('error', () => {
      it('names a bad query parameter as query.<name>', async () => {
        const cases: [string, string][] = [
          ['?limit=0', 'query.limit'],
          ['?limit=many', 'query.limit'],
          ['?productId=-3', 'query.productId'],
          ['?from=yesterday', 'query.from'],
          ['?from=2000&to=1000', 'query.to'],
          ['?cursor=bogus', 'query.cursor'],
          ['?sku=', 'query.sku'],
        ];
        for (const [query, field] of cases) {
          const body = await expectProblem(await s.request('GET', list(query)), 422);
          expect({ query, fields: body.errors?.map((e) => e.field) }).toEqual({ query, fields: [field] });
        }
      });

      it('names a bad or unknown adjustment id as path.adjustmentId', async () => {
        const unreadable = await expectProblem(await s.request('GET', one('abc')), 422);
        expect(unreadable.errors).toEqual([expect.objectContaining({ field: 'path.adjustmentId' })]);
        const missing = await expectProblem(await s.request('GET', one(999_999)), 404);
        expect(missing.errors).toEqual([expect.objectContaining({ field: 'path.adjustmentId' })]);
      });
    });

    describe('security', () => {
      it('refuses no credential, another store’s token and a revoked token', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'soon revoked');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const path of [list(), one(counted.id)]) {
          await expectProblem(await s.request('GET', path, { token: null }), 401);
          await expectProblem(await s.request('GET', path, { token: s.otherToken }), 403);
          await expectProblem(await s.request('GET', path, { token: secret }), 401);
        }
      });

      it('never shows another store’s adjustments, even by id through one’s own store', async () => {
        const theirs = await adjustStock(s.t.db, s.otherStore.id, {
          reason: 'x',
          lines: [{ sku: 'THEIR-MUG', delta: 1 }],
        });
        const mine = (await (await s.request('GET', list())).json()) as AdjustmentPage;
        expect(ids(mine)).not.toContain(theirs.id);
        const bySku = (await (await s.request('GET', list('?sku=THEIR-MUG'))).json()) as AdjustmentPage;
        expect(bySku.items).toEqual([]);
        await expectProblem(await s.request('GET', one(theirs.id)), 404);
        const other = (await (
          await s.request('GET', `/stores/${s.otherStore.id}/adjustments`, { token: s.otherToken })
        ).json()) as AdjustmentPage;
        expect(other.items.map((a) => a.id)).toContain(theirs.id);
        expect(other.items.map((a) => a.id)).not.toContain(counted.id);
      });
    });
  });
}
