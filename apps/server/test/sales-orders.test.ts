import type { SalesOrder, SalesOrderHeader } from '@ballast/core';
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
  items: SalesOrderHeader[];
  nextCursor: string | null;
}

for (const dialect of DIALECTS) {
  describe(`sales orders API [${dialect}]`, () => {
    let s: TestServer;
    let notified = 0;
    const path = (suffix = '') => `/stores/${s.store.id}/sales-orders${suffix}`;
    const create = async (number: string, lines: { sku: string; quantity: number }[]) => {
      const res = await s.request('POST', path(), { body: { number, lines } });
      expect(res.status).toBe(201);
      return (await res.json()) as SalesOrder;
    };
    /** What a refused request must leave exactly as it was. */
    const snapshot = async (skus: string[]) => ({
      orders: await rowCount(s, 'salesOrders'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all(skus.map((sku) => stockOf(s, sku))),
    });

    const domainKey = (key: string) =>
      s.t.db
        .selectFrom('idempotencyKeys')
        .select('operation')
        .where('storeId', '=', s.store.id)
        .where('key', '=', `http:${key}`)
        .executeTakeFirst();

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { MUG: 100, CUP: 100, BOWL: 100, PLATE: 100 });
    });
    afterAll(() => s.close());
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('creates an order that commits stock, reads it back and lists it', async () => {
        const before = await stockOf(s, 'MUG');
        const order = await create('SO-1', [{ sku: 'MUG', quantity: 3 }]);
        expect(order).toMatchObject({
          storeId: s.store.id,
          number: 'SO-1',
          status: 'open',
          channelId: null,
          locationId: s.store.defaultLocationId,
          lines: [{ sku: 'MUG', quantity: 3, shipped: 0, cancelled: 0, outstanding: 3 }],
        });
        expect(await stockOf(s, 'MUG')).toMatchObject({
          onHand: before.onHand,
          committed: before.committed! + 3,
          available: before.available! - 3,
        });
        expect(notified).toBe(1);

        const read = await s.request('GET', path(`/${order.id}`));
        expect(read.status).toBe(200);
        expect(await read.json()).toEqual(order);
        const list = (await (await s.request('GET', path())).json()) as Page;
        expect(list.items[0]).toMatchObject({ id: order.id, number: 'SO-1', status: 'open' });
        expect(list.items[0]).not.toHaveProperty('lines');
      });

      it('ships part of an order, then everything outstanding', async () => {
        const before = await stockOf(s, 'CUP');
        const order = await create('SO-2', [{ sku: 'CUP', quantity: 4 }]);

        const partial = await s.request('POST', path(`/${order.id}/ship`), {
          body: { lines: [{ sku: 'CUP', quantity: 1 }] },
        });
        expect(partial.status).toBe(200);
        expect(await partial.json()).toMatchObject({
          status: 'partially_shipped',
          lines: [{ shipped: 1, outstanding: 3 }],
        });
        expect(await stockOf(s, 'CUP')).toMatchObject({
          onHand: before.onHand! - 1,
          committed: before.committed! + 3,
        });

        // No body at all ships the rest.
        const rest = await s.request('POST', path(`/${order.id}/ship`));
        expect(rest.status).toBe(200);
        expect(await rest.json()).toMatchObject({
          status: 'shipped',
          lines: [{ shipped: 4, outstanding: 0 }],
        });
        expect(await stockOf(s, 'CUP')).toMatchObject({
          onHand: before.onHand! - 4,
          committed: before.committed,
        });
        expect(notified).toBe(3);
      });

      it('ships by line id', async () => {
        const order = await create('SO-2B', [{ sku: 'CUP', quantity: 2 }]);
        const res = await s.request('POST', path(`/${order.id}/ship`), {
          body: { lines: [{ lineId: order.lines[0]!.id, quantity: 2 }] },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'shipped' });
      });

      it('cancels a partially shipped order, releasing only what is still committed', async () => {
        const before = await stockOf(s, 'BOWL');
        const order = await create('SO-3', [{ sku: 'BOWL', quantity: 5 }]);
        await s.request('POST', path(`/${order.id}/ship`), {
          body: { lines: [{ sku: 'BOWL', quantity: 2 }] },
        });

        const res = await s.request('POST', path(`/${order.id}/cancel`));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          status: 'cancelled',
          lines: [{ shipped: 2, cancelled: 3, outstanding: 0 }],
        });
        expect(await stockOf(s, 'BOWL')).toMatchObject({
          onHand: before.onHand! - 2,
          committed: before.committed,
          available: before.available! - 2,
        });
        expect(notified).toBe(3);
      });

      it('pages newest first with a cursor and filters by status', async () => {
        const first = (await (await s.request('GET', path('?limit=2'))).json()) as Page;
        expect(first.items).toHaveLength(2);
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = (await (
          await s.request('GET', path(`?limit=2&cursor=${first.nextCursor}`))
        ).json()) as Page;
        expect(second.items.length).toBeGreaterThan(0);
        expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
        expect(first.items[0]!.id).toBeGreaterThan(first.items[1]!.id);

        const shipped = (await (await s.request('GET', path('?status=shipped'))).json()) as Page;
        expect(shipped.items.map((o) => o.number).sort()).toEqual(['SO-2', 'SO-2B']);
      });
    });

    describe('error', () => {
      it('refuses an unknown SKU at its line and writes nothing', async () => {
        const before = await snapshot(['MUG']);
        const res = await s.request('POST', path(), {
          body: {
            number: 'SO-E1',
            lines: [
              { sku: 'MUG', quantity: 1 },
              { sku: 'NOPE', quantity: 1 },
            ],
          },
        });
        const body = await expectProblem(res, 422);
        expect(body.errors).toEqual([expect.objectContaining({ field: 'body.lines[1].sku' })]);
        expect(await snapshot(['MUG'])).toEqual(before);
        expect(notified).toBe(0);
      });

      it('names every missing or invalid field of the body and writes nothing', async () => {
        const before = await snapshot(['MUG']);
        const missing = await expectProblem(await s.request('POST', path(), { body: {} }), 422);
        expect(missing.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.number', 'body.lines']),
        );
        const invalid = await expectProblem(
          await s.request('POST', path(), {
            body: { number: 'SO-E2', lines: [{ sku: 'MUG', quantity: 0 }], color: 'red' },
          }),
          422,
        );
        expect(invalid.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.lines[0].quantity', 'body']),
        );
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('answers a body that is not JSON with 400 problem+json and writes nothing', async () => {
        const before = await snapshot(['MUG']);
        await expectProblem(await s.request('POST', path(), { body: '{"number": "SO-E3", "lines": [' }), 400);
        await expectProblem(
          await s.request('POST', path(), {
            body: 'number=SO-E3',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
          415,
        );
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses a duplicate order number', async () => {
        await create('SO-DUP', [{ sku: 'MUG', quantity: 1 }]);
        const before = await snapshot(['MUG']);
        const body = await expectProblem(
          await s.request('POST', path(), {
            body: { number: 'SO-DUP', lines: [{ sku: 'MUG', quantity: 1 }] },
          }),
          409,
        );
        expect(body.errors).toEqual([expect.objectContaining({ field: 'body.number' })]);
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses an over-shipment at the line’s quantity and moves nothing', async () => {
        const order = await create('SO-E4', [{ sku: 'PLATE', quantity: 2 }]);
        const before = await snapshot(['PLATE']);
        notified = 0;
        const body = await expectProblem(
          await s.request('POST', path(`/${order.id}/ship`), {
            body: { lines: [{ sku: 'PLATE', quantity: 3 }] },
          }),
          422,
        );
        expect(body.errors).toEqual([
          expect.objectContaining({
            field: 'body.lines[0].quantity',
            reason: expect.stringContaining('only 2'),
          }),
        ]);
        const notOnOrder = await expectProblem(
          await s.request('POST', path(`/${order.id}/ship`), {
            body: { lines: [{ sku: 'MUG', quantity: 1 }] },
          }),
          422,
        );
        expect(notOnOrder.errors).toEqual([expect.objectContaining({ field: 'body.lines[0].sku' })]);
        expect(await snapshot(['PLATE'])).toEqual(before);
        expect((await (await s.request('GET', path(`/${order.id}`))).json()) as SalesOrder).toMatchObject({
          status: 'open',
          lines: [{ shipped: 0 }],
        });
        expect(notified).toBe(0);
      });

      it('refuses shipping or cancelling an order in the wrong state', async () => {
        const order = await create('SO-E5', [{ sku: 'PLATE', quantity: 1 }]);
        expect((await s.request('POST', path(`/${order.id}/cancel`))).status).toBe(200);
        const before = await snapshot(['PLATE']);
        const ship = await expectProblem(await s.request('POST', path(`/${order.id}/ship`)), 409);
        expect(ship.code).toBe('invalid_state');
        const cancel = await expectProblem(await s.request('POST', path(`/${order.id}/cancel`)), 409);
        expect(cancel.detail).toContain('cancelled');
        expect(await snapshot(['PLATE'])).toEqual(before);
      });

      it('answers unknown orders with 404 and unreadable ids with 422', async () => {
        await expectProblem(await s.request('GET', path('/999999')), 404);
        await expectProblem(await s.request('POST', path('/999999/ship')), 404);
        await expectProblem(await s.request('POST', path('/999999/cancel')), 404);
        const bad = await expectProblem(await s.request('GET', path('/abc')), 422);
        expect(bad.errors).toEqual([expect.objectContaining({ field: 'path.orderId' })]);
      });

      it('refuses invalid list parameters with their field', async () => {
        const query = await expectProblem(await s.request('GET', path('?limit=0&status=lost')), 422);
        expect(query.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['query.limit', 'query.status']),
        );
        const cursor = await expectProblem(await s.request('GET', path('?cursor=not-a-cursor')), 422);
        expect(cursor.errors).toEqual([expect.objectContaining({ field: 'query.cursor' })]);
      });
    });

    describe('idempotency', () => {
      it('creates one order for a repeated Idempotency-Key and replays the first body', async () => {
        const before = await stockOf(s, 'MUG');
        const orders = await rowCount(s, 'salesOrders');
        const request = () =>
          s.request('POST', path(), {
            body: { number: 'SO-IDEM', lines: [{ sku: 'MUG', quantity: 2 }] },
            headers: { 'idempotency-key': 'order-idem-1' },
          });
        const first = await request();
        const second = await request();
        expect(first.status).toBe(201);
        expect(second.status).toBe(201);
        expect(second.headers.get('idempotent-replayed')).toBe('true');
        expect(await second.json()).toEqual(await first.json());
        expect(await rowCount(s, 'salesOrders')).toBe(orders + 1);
        expect((await stockOf(s, 'MUG')).committed).toBe(before.committed! + 2);
        // The key also reached the domain operation, whose record shares the write's transaction.
        expect(await domainKey('order-idem-1')).toEqual({ operation: 'sales_order.create' });
      });

      it('refuses the same key with another body and writes nothing', async () => {
        const headers = { 'idempotency-key': 'order-idem-2' };
        const first = await s.request('POST', path(), {
          body: { number: 'SO-IDEM-2', lines: [{ sku: 'MUG', quantity: 1 }] },
          headers,
        });
        expect(first.status).toBe(201);
        const before = await snapshot(['MUG']);
        const other = await expectProblem(
          await s.request('POST', path(), {
            body: { number: 'SO-IDEM-3', lines: [{ sku: 'MUG', quantity: 1 }] },
            headers,
          }),
          422,
        );
        expect(other.code).toBe('idempotency_key_reused');
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('ships once for a repeated key', async () => {
        const order = await create('SO-IDEM-SHIP', [{ sku: 'BOWL', quantity: 3 }]);
        const before = await stockOf(s, 'BOWL');
        const ship = () =>
          s.request('POST', path(`/${order.id}/ship`), {
            body: { lines: [{ sku: 'BOWL', quantity: 1 }] },
            headers: { 'idempotency-key': 'ship-idem-1' },
          });
        expect((await ship()).status).toBe(200);
        expect((await ship()).status).toBe(200);
        expect((await stockOf(s, 'BOWL')).onHand).toBe(before.onHand! - 1);
        expect(await domainKey('ship-idem-1')).toEqual({ operation: 'sales_order.ship' });
      });
    });

    describe('security', () => {
      it('refuses every route without a token', async () => {
        const order = await create('SO-S1', [{ sku: 'MUG', quantity: 1 }]);
        const before = await snapshot(['MUG']);
        const calls: [string, string, unknown?][] = [
          ['GET', path()],
          ['POST', path(), { number: 'SO-S2', lines: [{ sku: 'MUG', quantity: 1 }] }],
          ['GET', path(`/${order.id}`)],
          ['POST', path(`/${order.id}/ship`)],
          ['POST', path(`/${order.id}/cancel`)],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await s.request(method, url, { token: null, body }), 401);
        }
        expect(await snapshot(['MUG'])).toEqual(before);
      });

      it('refuses another store’s token on every route and writes nothing', async () => {
        const order = await create('SO-S3', [{ sku: 'MUG', quantity: 1 }]);
        const before = await snapshot(['MUG']);
        const calls: [string, string, unknown?][] = [
          ['GET', path()],
          ['POST', path(), { number: 'SO-S4', lines: [{ sku: 'MUG', quantity: 1 }] }],
          ['GET', path(`/${order.id}`)],
          ['POST', path(`/${order.id}/ship`)],
          ['POST', path(`/${order.id}/cancel`)],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await s.request(method, url, { token: s.otherToken, body }), 403);
        }
        expect(await snapshot(['MUG'])).toEqual(before);
        expect((await (await s.request('GET', path(`/${order.id}`))).json()) as SalesOrder).toMatchObject({
          status: 'open',
        });
      });

      it('does not find another store’s order under this store’s path', async () => {
        await seedStock(s, { 'OTHER-MUG': 10 }, s.otherStore.id);
        const res = await s.request('POST', `/stores/${s.otherStore.id}/sales-orders`, {
          token: s.otherToken,
          body: { number: 'SO-OTHER', lines: [{ sku: 'OTHER-MUG', quantity: 2 }] },
        });
        expect(res.status).toBe(201);
        const theirs = (await res.json()) as SalesOrder;

        await expectProblem(await s.request('GET', path(`/${theirs.id}`)), 404);
        await expectProblem(await s.request('POST', path(`/${theirs.id}/ship`)), 404);
        await expectProblem(await s.request('POST', path(`/${theirs.id}/cancel`)), 404);
        const list = (await (await s.request('GET', path())).json()) as Page;
        expect(list.items.map((o) => o.id)).not.toContain(theirs.id);
        expect(await stockOf(s, 'OTHER-MUG', s.otherStore.id)).toMatchObject({ onHand: 10, committed: 2 });
      });
    });
  });
}
