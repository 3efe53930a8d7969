import { createLocation, createProduct } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestServer,
  expectProblem,
  rowCount,
  seedStock,
  stockOf,
  type TestServer,
} from './support/test-server.ts';

for (const dialect of DIALECTS) {
  describe(`adjustments API [${dialect}]`, () => {
    let s: TestServer;
    let notified = 0;
    const path = () => `/stores/${s.store.id}/adjustments`;
    const snapshot = async (skus: string[]) => ({
      adjustments: await rowCount(s, 'adjustments'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all(skus.map((sku) => stockOf(s, sku))),
    });

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { MUG: 10, CUP: 5, PLATE: 3 });
      await createProduct(s.t.db, s.store.id, {
        sku: 'SET',
        name: 'Set',
        kind: 'kit',
        components: [{ sku: 'MUG', quantity: 1 }],
      });
    });
    afterAll(() => s.close());
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('sets one count and changes another by a delta, reporting before and after', async () => {
        const res = await s.request('POST', path(), {
          body: {
            reason: 'cycle count',
            note: 'aisle 4',
            lines: [
              { sku: 'MUG', set: 12 },
              { sku: 'CUP', delta: -2 },
            ],
          },
        });
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({
          reason: 'cycle count',
          note: 'aisle 4',
          lines: [
            { sku: 'MUG', before: 10, after: 12, delta: 2, locationId: s.store.defaultLocationId },
            { sku: 'CUP', before: 5, after: 3, delta: -2 },
          ],
        });
        expect((await stockOf(s, 'MUG')).onHand).toBe(12);
        expect((await stockOf(s, 'CUP')).onHand).toBe(3);
        expect(notified).toBe(1);
      });

      it('adjusts at a named location', async () => {
        const annex = await createLocation(s.t.db, s.store.id, { name: 'Annex' });
        const res = await s.request('POST', path(), {
          body: { reason: 'found', lines: [{ sku: 'PLATE', locationId: annex.id, delta: 4 }] },
        });
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({ lines: [{ locationId: annex.id, before: 0, after: 4 }] });
        expect((await stockOf(s, 'PLATE')).onHand).toBe(7);
      });

      it('applies one adjustment for a repeated Idempotency-Key', async () => {
        const before = await snapshot(['CUP']);
        const send = () =>
          s.request('POST', path(), {
            body: { reason: 'damaged', lines: [{ sku: 'CUP', delta: -1 }] },
            headers: { 'idempotency-key': 'adjust-1' },
          });
        const first = await send();
        const second = await send();
        expect(await second.json()).toEqual(await first.json());
        expect(await rowCount(s, 'adjustments')).toBe(before.adjustments + 1);
        expect((await stockOf(s, 'CUP')).onHand).toBe(before.stock[0]!.onHand! - 1);
      });
    });

    describe('error', () => {
      it('requires a reason and exactly one of set or delta per line, writing nothing', async () => {
        const before = await snapshot(['MUG']);
        const body = await expectProblem(
          await s.request('POST', path(), {
            body: {
              lines: [{ sku: 'MUG', set: 1, delta: 1 }, { sku: 'MUG' }, { sku: 'MUG', delta: 0 }],
            },
          }),
          422,
        );
        expect(body.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining([
            'body.reason',
            'body.lines[0].set',
            'body.lines[1].set',
            'body.lines[2].delta',
          ]),
        );
        const noLines = await expectProblem(
          await s.request('POST', path(), { body: { reason: 'x', lines: [] } }),
          422,
        );
        expect(noLines.errors).toEqual([expect.objectContaining({ field: 'body.lines' })]);
        await expectProblem(await s.request('POST', path(), { body: '{"reason": "x", lines: []}' }), 400);
        expect(await snapshot(['MUG'])).toEqual(before);
        expect(notified).toBe(0);
      });

      it('refuses unknown SKUs and kits at their line, writing nothing', async () => {
        const before = await snapshot(['MUG']);
        const body = await expectProblem(
          await s.request('POST', path(), {
            body: {
              reason: 'count',
              lines: [
                { sku: 'MUG', set: 1 },
                { sku: 'NOPE', set: 1 },
                { sku: 'SET', delta: 1 },
              ],
            },
          }),
          422,
        );
        expect(body.errors!.map((e) => e.field)).toEqual(['body.lines[1].sku', 'body.lines[2].sku']);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses a delta below zero on hand and a position listed twice, writing nothing', async () => {
        const before = await snapshot(['MUG', 'CUP']);
        const short = await expectProblem(
          await s.request('POST', path(), {
            body: {
              reason: 'shrink',
              lines: [
                { sku: 'MUG', delta: -1 },
                { sku: 'CUP', delta: -1000 },
              ],
            },
          }),
          409,
        );
        expect(short.code).toBe('insufficient_stock');
        expect(short.errors).toEqual([expect.objectContaining({ field: 'body.lines[1]' })]);
        const twice = await expectProblem(
          await s.request('POST', path(), {
            body: {
              reason: 'count',
              lines: [
                { sku: 'MUG', set: 1 },
                { sku: 'MUG', delta: 1 },
              ],
            },
          }),
          422,
        );
        expect(twice.errors).toEqual([expect.objectContaining({ field: 'body.lines[1]' })]);
        expect(await snapshot(['MUG', 'CUP'])).toEqual(before);
      });
    });

    describe('security', () => {
      const body = { reason: 'hack', lines: [{ sku: 'MUG', set: 0 }] };

      it('refuses requests without a token or with another store’s token, writing nothing', async () => {
        const before = await snapshot(['MUG']);
        await expectProblem(await s.request('POST', path(), { token: null, body }), 401);
        await expectProblem(await s.request('POST', path(), { token: s.otherToken, body }), 403);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('does not reach another store’s location or products', async () => {
        const theirs = await createLocation(s.t.db, s.otherStore.id, { name: 'Their annex' });
        await seedStock(s, { 'THEIR-MUG': 4 }, s.otherStore.id);
        const before = await snapshot(['MUG']);
        const location = await expectProblem(
          await s.request('POST', path(), {
            body: { reason: 'x', lines: [{ sku: 'MUG', locationId: theirs.id, delta: 1 }] },
          }),
          404,
        );
        expect(location.errors).toEqual([expect.objectContaining({ field: 'body.lines[0].locationId' })]);
        const product = await expectProblem(
          await s.request('POST', path(), { body: { reason: 'x', lines: [{ sku: 'THEIR-MUG', set: 0 }] } }),
          422,
        );
        expect(product.errors).toEqual([expect.objectContaining({ field: 'body.lines[0].sku' })]);
        expect(await snapshot(['MUG'])).toEqual(before);
        expect((await stockOf(s, 'THEIR-MUG', s.otherStore.id)).onHand).toBe(4);
      });
    });
  });
}
