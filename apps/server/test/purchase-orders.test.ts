import { createProduct, type PurchaseOrder, type PurchaseOrderHeader } from '@ballast/core';
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
  items: PurchaseOrderHeader[];
  nextCursor: string | null;
}

for (const dialect of DIALECTS) {
  describe(`purchase orders API [${dialect}]`, () => {
    let s: TestServer;
    let notified = 0;
    const path = (suffix = '') => `/stores/${s.store.id}/purchase-orders${suffix}`;
    const create = async (number: string, lines: { sku: string; quantity: number }[]) => {
      const res = await s.request('POST', path(), { body: { number, supplier: 'Acme', lines } });
      expect(res.status).toBe(201);
      return (await res.json()) as PurchaseOrder;
    };
    const snapshot = async (skus: string[]) => ({
      orders: await rowCount(s, 'purchaseOrders'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all(skus.map((sku) => stockOf(s, sku))),
    });

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { MUG: 10, CUP: 0, BOWL: 5 });
      await createProduct(s.t.db, s.store.id, {
        sku: 'MUG-SET',
        name: 'Mug set',
        kind: 'kit',
        components: [{ sku: 'MUG', quantity: 2 }],
      });
    });
    afterAll(() => s.close());
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('creates an order whose quantities become incoming, and reads and lists it', async () => {
        const order = await create('PO-1', [{ sku: 'MUG', quantity: 48 }]);
        expect(order).toMatchObject({
          number: 'PO-1',
          supplier: 'Acme',
          status: 'open',
          locationId: s.store.defaultLocationId,
          lines: [{ sku: 'MUG', quantity: 48, received: 0, outstanding: 48 }],
        });
        expect(await stockOf(s, 'MUG')).toMatchObject({ onHand: 10, incoming: 48, available: 10 });
        expect(notified).toBe(1);
        expect(await (await s.request('GET', path(`/${order.id}`))).json()).toEqual(order);
        const list = (await (await s.request('GET', path())).json()) as Page;
        expect(list.items[0]).toMatchObject({ id: order.id, status: 'open' });
      });

      it('receives partially, then over-receives: all goes on hand, incoming drops by what was outstanding', async () => {
        const order = await create('PO-2', [{ sku: 'CUP', quantity: 10 }]);
        const partial = await s.request('POST', path(`/${order.id}/receive`), {
          body: { lines: [{ sku: 'CUP', quantity: 4 }] },
        });
        expect(partial.status).toBe(200);
        expect(await partial.json()).toMatchObject({
          status: 'partially_received',
          lines: [{ received: 4, outstanding: 6 }],
        });
        expect(await stockOf(s, 'CUP')).toMatchObject({ onHand: 4, incoming: 6 });

        const over = await s.request('POST', path(`/${order.id}/receive`), {
          body: { lines: [{ lineId: order.lines[0]!.id, quantity: 8 }] },
        });
        expect(over.status).toBe(200);
        expect(await over.json()).toMatchObject({
          status: 'received',
          lines: [{ received: 12, outstanding: 0 }],
        });
        expect(await stockOf(s, 'CUP')).toMatchObject({ onHand: 12, incoming: 0 });
        expect(notified).toBe(3);
      });

      it('cancels an order: what is outstanding stops counting as incoming, receipts stay', async () => {
        const order = await create('PO-3', [{ sku: 'BOWL', quantity: 10 }]);
        await s.request('POST', path(`/${order.id}/receive`), {
          body: { lines: [{ sku: 'BOWL', quantity: 3 }] },
        });
        const res = await s.request('POST', path(`/${order.id}/cancel`));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          status: 'cancelled',
          lines: [{ received: 3, outstanding: 0 }],
        });
        expect(await stockOf(s, 'BOWL')).toMatchObject({ onHand: 8, incoming: 0 });
        expect(notified).toBe(3);
      });

      it('pages newest first and filters by status', async () => {
        const first = (await (await s.request('GET', path('?limit=1'))).json()) as Page;
        expect(first.items).toHaveLength(1);
        const second = (await (
          await s.request('GET', path(`?limit=1&cursor=${first.nextCursor}`))
        ).json()) as Page;
        expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
        const cancelled = (await (await s.request('GET', path('?status=cancelled'))).json()) as Page;
        expect(cancelled.items.map((o) => o.number)).toEqual(['PO-3']);
      });
    });

    describe('error', () => {
      it('refuses unknown SKUs and kits at their lines and writes nothing', async () => {
        const before = await snapshot(['MUG']);
        const body = await expectProblem(
          await s.request('POST', path(), {
            body: {
              number: 'PO-E1',
              lines: [
                { sku: 'NOPE', quantity: 1 },
                { sku: 'MUG-SET', quantity: 1 },
              ],
            },
          }),
          422,
        );
        expect(body.errors!.map((e) => e.field)).toEqual(['body.lines[0].sku', 'body.lines[1].sku']);
        expect(body.errors![1]!.reason).toContain('kit');
        expect(await snapshot(['MUG'])).toEqual(before);
        expect(notified).toBe(0);
      });

      it('names missing fields, refuses unreadable JSON, and writes nothing', async () => {
        const before = await snapshot(['MUG']);
        const missing = await expectProblem(
          await s.request('POST', path(), { body: { supplier: 'Acme' } }),
          422,
        );
        expect(missing.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.number', 'body.lines']),
        );
        await expectProblem(await s.request('POST', path(), { body: '{"number":' }), 400);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses bad receipts at their field and moves nothing', async () => {
        const order = await create('PO-E2', [{ sku: 'MUG', quantity: 5 }]);
        const before = await snapshot(['MUG']);
        const zero = await expectProblem(
          await s.request('POST', path(`/${order.id}/receive`), {
            body: { lines: [{ sku: 'MUG', quantity: 0 }] },
          }),
          422,
        );
        expect(zero.errors).toEqual([expect.objectContaining({ field: 'body.lines[0].quantity' })]);
        const notOnOrder = await expectProblem(
          await s.request('POST', path(`/${order.id}/receive`), {
            body: { lines: [{ sku: 'CUP', quantity: 1 }] },
          }),
          422,
        );
        expect(notOnOrder.errors).toEqual([expect.objectContaining({ field: 'body.lines[0].sku' })]);
        const empty = await expectProblem(
          await s.request('POST', path(`/${order.id}/receive`), { body: {} }),
          422,
        );
        expect(empty.errors).toEqual([expect.objectContaining({ field: 'body.lines' })]);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses receiving or cancelling an order in the wrong state', async () => {
        const order = await create('PO-E3', [{ sku: 'MUG', quantity: 2 }]);
        expect((await s.request('POST', path(`/${order.id}/cancel`))).status).toBe(200);
        const before = await snapshot(['MUG']);
        const receive = await expectProblem(
          await s.request('POST', path(`/${order.id}/receive`), {
            body: { lines: [{ sku: 'MUG', quantity: 1 }] },
          }),
          409,
        );
        expect(receive.code).toBe('invalid_state');
        await expectProblem(await s.request('POST', path(`/${order.id}/cancel`)), 409);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('answers unknown orders with 404', async () => {
        await expectProblem(await s.request('GET', path('/999999')), 404);
        await expectProblem(
          await s.request('POST', path('/999999/receive'), {
            body: { lines: [{ sku: 'MUG', quantity: 1 }] },
          }),
          404,
        );
        await expectProblem(await s.request('POST', path('/999999/cancel')), 404);
      });
    });

    describe('security', () => {
      it('refuses every route without a token or with another store’s token, writing nothing', async () => {
        const order = await create('PO-S1', [{ sku: 'MUG', quantity: 1 }]);
        const before = await snapshot(['MUG']);
        const calls: [string, string, unknown?][] = [
          ['GET', path()],
          ['POST', path(), { number: 'PO-S2', lines: [{ sku: 'MUG', quantity: 1 }] }],
          ['GET', path(`/${order.id}`)],
          ['POST', path(`/${order.id}/receive`), { lines: [{ sku: 'MUG', quantity: 1 }] }],
          ['POST', path(`/${order.id}/cancel`)],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await s.request(method, url, { token: null, body }), 401);
          await expectProblem(await s.request(method, url, { token: s.otherToken, body }), 403);
        }
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('does not find another store’s order under this store’s path', async () => {
        await seedStock(s, { 'OTHER-CUP': 0 }, s.otherStore.id);
        const res = await s.request('POST', `/stores/${s.otherStore.id}/purchase-orders`, {
          token: s.otherToken,
          body: { number: 'PO-OTHER', lines: [{ sku: 'OTHER-CUP', quantity: 5 }] },
        });
        const theirs = (await res.json()) as PurchaseOrder;
        await expectProblem(await s.request('GET', path(`/${theirs.id}`)), 404);
        await expectProblem(
          await s.request('POST', path(`/${theirs.id}/receive`), {
            body: { lines: [{ sku: 'OTHER-CUP', quantity: 5 }] },
          }),
          404,
        );
        await expectProblem(await s.request('POST', path(`/${theirs.id}/cancel`)), 404);
        expect(await stockOf(s, 'OTHER-CUP', s.otherStore.id)).toMatchObject({ onHand: 0, incoming: 5 });
      });
    });
  });
}
