import { createProduct, type WorkOrder, type WorkOrderHeader } from '@ballast/core';
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

interface Page {
  items: WorkOrderHeader[];
  nextCursor: string | null;
}

const PARTS = ['BOX', 'RIBBON', 'CANDLE'];

for (const dialect of DIALECTS) {
  describe(`work orders API [${dialect}]`, () => {
    let s: TestServer;
    let notified = 0;
    const path = (suffix = '') => `/stores/${s.store.id}/work-orders${suffix}`;
    const create = async (number: string, quantity: number, sku = 'GIFT') => {
      const res = await s.request('POST', path(), { body: { number, sku, quantity } });
      expect(res.status).toBe(201);
      return (await res.json()) as WorkOrder;
    };
    const snapshot = async () => ({
      orders: await rowCount(s, 'workOrders'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all([...PARTS, 'GIFT'].map((sku) => stockOf(s, sku))),
    });

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { BOX: 100, RIBBON: 100, CANDLE: 1 });
      // GIFT = 1 box + 2 ribbons; LUXE also needs a candle, of which there is one.
      await createProduct(s.t.db, s.store.id, {
        sku: 'GIFT',
        name: 'Gift box',
        kind: 'assembly',
        components: [
          { sku: 'BOX', quantity: 1 },
          { sku: 'RIBBON', quantity: 2 },
        ],
      });
      await createProduct(s.t.db, s.store.id, {
        sku: 'LUXE',
        name: 'Luxury gift box',
        kind: 'assembly',
        components: [
          { sku: 'BOX', quantity: 1 },
          { sku: 'CANDLE', quantity: 1 },
        ],
      });
    });
    afterAll(() => s.close());
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('creates a work order that commits its components, reads and lists it', async () => {
        const order = await create('WO-1', 3);
        expect(order).toMatchObject({
          number: 'WO-1',
          sku: 'GIFT',
          quantity: 3,
          status: 'in_progress',
          components: expect.arrayContaining([
            expect.objectContaining({ sku: 'BOX', required: 3 }),
            expect.objectContaining({ sku: 'RIBBON', required: 6 }),
          ]),
        });
        expect(await stockOf(s, 'BOX')).toMatchObject({ onHand: 100, committed: 3 });
        expect(await stockOf(s, 'RIBBON')).toMatchObject({ onHand: 100, committed: 6 });
        expect(notified).toBe(1);
        expect(await (await s.request('GET', path(`/${order.id}`))).json()).toEqual(order);
        const list = (await (await s.request('GET', path())).json()) as Page;
        expect(list.items[0]).toMatchObject({ id: order.id, sku: 'GIFT' });
      });

      it('completes a work order: components leave on hand, the assembly arrives', async () => {
        const order = await create('WO-2', 2);
        const box = await stockOf(s, 'BOX');
        const res = await s.request('POST', path(`/${order.id}/complete`));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'completed' });
        expect(await stockOf(s, 'BOX')).toMatchObject({
          onHand: box.onHand! - 2,
          committed: box.committed! - 2,
        });
        expect((await stockOf(s, 'GIFT')).onHand).toBe(2);
        expect(notified).toBe(2);
      });

      it('cancels a work order, releasing its components', async () => {
        const box = await stockOf(s, 'BOX');
        const order = await create('WO-3', 4);
        expect((await stockOf(s, 'BOX')).committed).toBe(box.committed! + 4);
        const res = await s.request('POST', path(`/${order.id}/cancel`));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'cancelled' });
        expect(await stockOf(s, 'BOX')).toEqual(box);
      });

      it('pages newest first and filters by status', async () => {
        const first = (await (await s.request('GET', path('?limit=1'))).json()) as Page;
        const second = (await (
          await s.request('GET', path(`?limit=1&cursor=${first.nextCursor}`))
        ).json()) as Page;
        expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
        const done = (await (await s.request('GET', path('?status=completed'))).json()) as Page;
        expect(done.items.map((o) => o.number)).toEqual(['WO-2']);
      });
    });

    describe('error', () => {
      it('refuses an unknown SKU or a product that is not an assembly at `sku`, writing nothing', async () => {
        const before = await snapshot();
        for (const sku of ['NOPE', 'BOX']) {
          const body = await expectProblem(
            await s.request('POST', path(), { body: { number: `WO-E-${sku}`, sku, quantity: 1 } }),
            422,
          );
          expect(body.errors).toEqual([expect.objectContaining({ field: 'body.sku' })]);
        }
        expect(await snapshot()).toEqual(before);
        expect(notified).toBe(0);
      });

      it('names missing fields, refuses unreadable JSON, and writes nothing', async () => {
        const before = await snapshot();
        const missing = await expectProblem(await s.request('POST', path(), { body: { quantity: -1 } }), 422);
        expect(missing.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.number', 'body.sku', 'body.quantity']),
        );
        await expectProblem(await s.request('POST', path(), { body: 'not json' }), 400);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses completing when a component is short on hand, and changes nothing', async () => {
        const order = await create('WO-E1', 2, 'LUXE');
        const before = await snapshot();
        notified = 0;
        const body = await expectProblem(await s.request('POST', path(`/${order.id}/complete`)), 409);
        expect(body.code).toBe('insufficient_stock');
        expect(body.detail).toContain('CANDLE');
        expect(await snapshot()).toEqual(before);
        expect(await (await s.request('GET', path(`/${order.id}`))).json()).toMatchObject({
          status: 'in_progress',
        });
        expect(notified).toBe(0);
      });

      it('refuses completing or cancelling a work order in the wrong state', async () => {
        const order = await create('WO-E2', 1);
        expect((await s.request('POST', path(`/${order.id}/cancel`))).status).toBe(200);
        const before = await snapshot();
        const complete = await expectProblem(await s.request('POST', path(`/${order.id}/complete`)), 409);
        expect(complete.code).toBe('invalid_state');
        await expectProblem(await s.request('POST', path(`/${order.id}/cancel`)), 409);
        expect(await snapshot()).toEqual(before);
      });

      it('answers unknown work orders with 404', async () => {
        await expectProblem(await s.request('GET', path('/999999')), 404);
        await expectProblem(await s.request('POST', path('/999999/complete')), 404);
        await expectProblem(await s.request('POST', path('/999999/cancel')), 404);
      });
    });

    describe('security', () => {
      it('refuses every route without a token or with another store’s token, writing nothing', async () => {
        const order = await create('WO-S1', 1);
        const before = await snapshot();
        const calls: [string, string, unknown?][] = [
          ['GET', path()],
          ['POST', path(), { number: 'WO-S2', sku: 'GIFT', quantity: 1 }],
          ['GET', path(`/${order.id}`)],
          ['POST', path(`/${order.id}/complete`)],
          ['POST', path(`/${order.id}/cancel`)],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await s.request(method, url, { token: null, body }), 401);
          await expectProblem(await s.request(method, url, { token: s.otherToken, body }), 403);
        }
        expect(await snapshot()).toEqual(before);
      });

      it('does not find another store’s work order under this store’s path', async () => {
        const other = s.otherStore.id;
        await seedStock(s, { 'OTHER-PART': 10 }, other);
        await createProduct(s.t.db, other, {
          sku: 'OTHER-KIT',
          name: 'Other assembly',
          kind: 'assembly',
          components: [{ sku: 'OTHER-PART', quantity: 1 }],
        });
        const res = await s.request('POST', `/stores/${other}/work-orders`, {
          token: s.otherToken,
          body: { number: 'WO-OTHER', sku: 'OTHER-KIT', quantity: 2 },
        });
        const theirs = (await res.json()) as WorkOrder;
        await expectProblem(await s.request('GET', path(`/${theirs.id}`)), 404);
        await expectProblem(await s.request('POST', path(`/${theirs.id}/complete`)), 404);
        await expectProblem(await s.request('POST', path(`/${theirs.id}/cancel`)), 404);
        expect(await stockOf(s, 'OTHER-PART', other)).toMatchObject({ onHand: 10, committed: 2 });
      });
    });
  });
}
