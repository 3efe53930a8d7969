import { signStandardWebhook, type WebhookRequest } from '@ballast/connector-kit';
import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { adjustStock, createProduct, getProductBalance, getProductBySku } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { AppEnv } from '../src/app-env.ts';
import { sealChannelConfig } from '../src/connectors/channel-config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { registerWebhooks } from '../src/webhooks/register-webhooks.ts';
import { assertNoSecret, SIM_SECRET, startSimulatorChannel } from './support/simulator-channel.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

const OTHER_SECRET = 'whsec_YW5vdGhlci1jaGFubmVsLXNlY3JldC0xMjM0NTY=';

for (const dialect of DIALECTS) {
  describe(`order webhooks [${dialect}]`, () => {
    let s: TestServer;
    let app: Hono<AppEnv>;
    let sim: WebhookSimulator;
    let config: Record<string, unknown>;
    let channelId: number;
    let wakes = 0;

    const deliver = async (id: number, request: WebhookRequest) => {
      const res = await app.request(`/webhooks/${id}`, {
        method: 'POST',
        headers: request.headers,
        body: request.rawBody,
      });
      const text = await res.text();
      assertNoSecret(text);
      return {
        status: res.status,
        body: JSON.parse(text) as Record<string, unknown>,
        type: res.headers.get('content-type'),
      };
    };
    const signed = (
      body: unknown,
      options: { id?: string; at?: Date; secret?: string } = {},
    ): WebhookRequest => {
      const rawBody = JSON.stringify(body);
      const headers = signStandardWebhook({
        secret: options.secret ?? SIM_SECRET,
        id: options.id ?? `msg_${Math.random().toString(36).slice(2)}`,
        timestamp: options.at ?? new Date(),
        body: rawBody,
      });
      return { headers: new Headers({ ...headers, 'content-type': 'application/json' }), rawBody };
    };
    const orderCount = async () =>
      Number(
        (
          await s.t.db
            .selectFrom('salesOrders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const deliveryRows = () =>
      s.t.db
        .withTables<{
          webhookDeliveries: { id: number; channelId: number; status: string; error: string | null };
        }>()
        .selectFrom('webhookDeliveries')
        .select(['channelId', 'status', 'error'])
        .orderBy('id')
        .execute();
    const committedOf = async (sku: string) => {
      const product = await getProductBySku(s.t.db, s.store.id, sku);
      return (await getProductBalance(s.t.db, s.store.id, product.id)).committed ?? 0;
    };
    const connect = async (name: string, storeToken?: string, storeId = s.store.id) => {
      const res = await s.request('POST', `/stores/${storeId}/channels`, {
        body: { connectorId: 'webhook', name, config },
        ...(storeToken && { token: storeToken }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };

    beforeAll(async () => {
      s = await createTestServer(dialect, {
        notifySync: () => {
          wakes += 1;
        },
      });
      app = createApp(s.deps, { extend: registerWebhooks, logError: () => {} });
      ({ sim, config } = await startSimulatorChannel());
      await createProduct(s.t.db, s.store.id, { sku: 'MUG', name: 'Mug' });
      await createProduct(s.t.db, s.store.id, { sku: 'LID', name: 'Lid' });
      await createProduct(s.t.db, s.store.id, {
        sku: 'MUG-SET',
        name: 'Mug with lid',
        kind: 'kit',
        components: [
          { sku: 'MUG', quantity: 1 },
          { sku: 'LID', quantity: 1 },
        ],
      });
      await adjustStock(s.t.db, s.store.id, {
        reason: 'count',
        lines: [
          { sku: 'MUG', set: 50 },
          { sku: 'LID', set: 50 },
        ],
      });
      channelId = await connect('Web shop');
    });
    afterAll(async () => {
      await sim.close();
      await s.close();
    });
    beforeEach(() => {
      wakes = 0;
    });

    describe('happy', () => {
      it('turns a signed order into a sales order of the channel, and wakes the sync worker', async () => {
        const before = await committedOf('MUG');
        const res = await deliver(
          channelId,
          sim.signedOrderWebhook({ id: '1001', lines: [{ sku: 'MUG', quantity: 2 }] }),
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          status: 'created',
          number: 'Web shop-1001',
          salesOrderId: expect.any(Number),
        });
        const order = await s.t.db
          .selectFrom('salesOrders')
          .selectAll()
          .where('id', '=', res.body.salesOrderId as number)
          .executeTakeFirstOrThrow();
        expect(order).toMatchObject({ storeId: s.store.id, channelId, status: 'open' });
        expect(await committedOf('MUG')).toBe(before + 2);
        expect(wakes).toBe(1);
        const movement = await s.t.db
          .selectFrom('movements')
          .select('causeType')
          .where('causeRef', '=', String(order.id))
          .where('causeType', '=', 'channel_order')
          .executeTakeFirst();
        expect(movement).toBeDefined();
      });

      it('ignores a duplicate delivery and answers with the same order', async () => {
        const request = sim.signedOrderWebhook({ id: '1002', lines: [{ sku: 'MUG', quantity: 1 }] });
        const first = await deliver(channelId, request);
        const orders = await orderCount();
        const committed = await committedOf('MUG');
        const again = await deliver(channelId, request);
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ ...first.body, status: 'duplicate' });
        // A new delivery id for the same order (the channel sent it twice) is the same order too.
        const resent = await deliver(
          channelId,
          signed({ type: 'order.created', order: { id: '1002', lines: [{ sku: 'MUG', quantity: 1 }] } }),
        );
        expect(resent.body).toMatchObject({ status: 'duplicate', salesOrderId: first.body.salesOrderId });
        const changed = await deliver(
          channelId,
          signed({ type: 'order.created', order: { id: '1002', lines: [{ sku: 'MUG', quantity: 9 }] } }),
        );
        expect(changed.body).toMatchObject({ status: 'duplicate', salesOrderId: first.body.salesOrderId });
        expect(await orderCount()).toBe(orders);
        expect(await committedOf('MUG')).toBe(committed);
      });

      it('commits a kit’s components', async () => {
        const before = await committedOf('LID');
        const res = await deliver(
          channelId,
          sim.signedOrderWebhook({ id: '1003', lines: [{ sku: 'MUG-SET', quantity: 3 }] }),
        );
        expect(res.body).toMatchObject({ status: 'created' });
        expect(await committedOf('LID')).toBe(before + 3);
      });

      it('acknowledges events that are not orders', async () => {
        const orders = await orderCount();
        const res = await deliver(
          channelId,
          sim.signedOrderWebhook({ id: 'x', lines: [{ sku: 'MUG', quantity: 1 }] }, { type: 'ping' }),
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'ignored' });
        expect(await orderCount()).toBe(orders);
        expect((await deliveryRows()).at(-1)).toMatchObject({ status: 'ignored' });
      });

      it('takes orders on a paused channel (pushes pause, sales do not)', async () => {
        await s.request('PATCH', `/stores/${s.store.id}/channels/${channelId}`, {
          body: { status: 'paused' },
        });
        const res = await deliver(
          channelId,
          sim.signedOrderWebhook({ id: '1004', lines: [{ sku: 'LID', quantity: 1 }] }),
        );
        expect(res.body).toMatchObject({ status: 'created' });
        await s.request('PATCH', `/stores/${s.store.id}/channels/${channelId}`, {
          body: { status: 'active' },
        });
      });

      it('records an order with an unknown SKU for a person, answers 200, and lists it', async () => {
        const orders = await orderCount();
        const committed = await committedOf('MUG');
        const res = await deliver(
          channelId,
          sim.signedOrderWebhook({
            id: '1005',
            lines: [
              { sku: 'MUG', quantity: 1 },
              { sku: 'GHOST', quantity: 1 },
            ],
          }),
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'failed', reason: expect.stringContaining('GHOST') });
        expect(await orderCount()).toBe(orders);
        expect(await committedOf('MUG')).toBe(committed);

        const listed = await s.request(
          'GET',
          `/stores/${s.store.id}/channels/${channelId}/webhook-deliveries?status=failed`,
        );
        expect(listed.status).toBe(200);
        const page = (await listed.json()) as { items: Record<string, unknown>[] };
        expect(page.items[0]).toMatchObject({
          status: 'failed',
          channelOrderId: '1005',
          deliveryId: 'msg_order_1005',
          salesOrderId: null,
          order: {
            channelOrderId: '1005',
            lines: [
              { sku: 'MUG', quantity: 1 },
              { sku: 'GHOST', quantity: 1 },
            ],
          },
        });

        // Once the SKU exists the channel's redelivery goes through.
        await createProduct(s.t.db, s.store.id, { sku: 'GHOST', name: 'Ghost' });
        const retried = await deliver(
          channelId,
          sim.signedOrderWebhook({
            id: '1005',
            lines: [
              { sku: 'MUG', quantity: 1 },
              { sku: 'GHOST', quantity: 1 },
            ],
          }),
        );
        expect(retried.body).toMatchObject({ status: 'created' });
      });

      it('pages the deliveries newest first', async () => {
        const base = `/stores/${s.store.id}/channels/${channelId}/webhook-deliveries`;
        const first = (await (await s.request('GET', `${base}?limit=2`)).json()) as {
          items: { id: number }[];
          nextCursor: string;
        };
        expect(first.items[0]!.id).toBeGreaterThan(first.items[1]!.id);
        const next = (await (
          await s.request('GET', `${base}?limit=2&cursor=${first.nextCursor}`)
        ).json()) as {
          items: { id: number }[];
        };
        expect(next.items[0]!.id).toBeLessThan(first.items[1]!.id);
      });
    });

    describe('error', () => {
      it('refuses a tampered body and writes nothing', async () => {
        const orders = await orderCount();
        const deliveries = (await deliveryRows()).length;
        const request = sim.signedOrderWebhook({ id: '2001', lines: [{ sku: 'MUG', quantity: 1 }] });
        const tampered = {
          headers: request.headers,
          rawBody: request.rawBody.replace('"quantity":1', '"quantity":100'),
        };
        const res = await deliver(channelId, tampered);
        expect(res.status).toBe(401);
        expect(res.type).toBe('application/problem+json');
        expect(await orderCount()).toBe(orders);
        expect((await deliveryRows()).length).toBe(deliveries);
      });

      it('refuses a wrong secret, a missing signature and a stale timestamp', async () => {
        const orders = await orderCount();
        const body = { type: 'order.created', order: { id: '2002', lines: [{ sku: 'MUG', quantity: 1 }] } };
        expect((await deliver(channelId, signed(body, { secret: OTHER_SECRET }))).status).toBe(401);
        expect(
          (await deliver(channelId, { headers: new Headers(), rawBody: JSON.stringify(body) })).status,
        ).toBe(401);
        const stale = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
        expect((await deliver(channelId, stale)).status).toBe(401);
        expect(await orderCount()).toBe(orders);
      });

      it('answers a signed but unreadable body with 400 and records it', async () => {
        const orders = await orderCount();
        const res = await deliver(
          channelId,
          signed({ type: 'order.created', order: { id: '2003', lines: [] } }),
        );
        expect(res.status).toBe(400);
        expect(res.type).toBe('application/problem+json');
        expect(await orderCount()).toBe(orders);
        expect((await deliveryRows()).at(-1)).toMatchObject({ status: 'invalid', channelId });
        const notJson = signed('x');
        expect((await deliver(channelId, { ...notJson, rawBody: notJson.rawBody })).status).toBe(400);
      });

      it('refuses bodies over 1 MB', async () => {
        const res = await app.request(`/webhooks/${channelId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: 'x'.repeat(1024 * 1024 + 1),
        });
        expect(res.status).toBe(413);
      });

      it('answers 503 (so the channel retries) when the stored config cannot be read', async () => {
        const foreign = createSecretBox('a-different-server-secret');
        const id = await connect('Unreadable');
        await s.t.db
          .updateTable('channels')
          .set({ configCiphertext: sealChannelConfig(foreign, config) })
          .where('id', '=', id)
          .execute();
        const orders = await orderCount();
        const res = await deliver(
          id,
          sim.signedOrderWebhook({ id: '2004', lines: [{ sku: 'MUG', quantity: 1 }] }),
        );
        expect(res.status).toBe(503);
        expect(await orderCount()).toBe(orders);
      });
    });

    describe('security', () => {
      it('answers 404 for unknown, malformed and disconnected channels', async () => {
        const request = sim.signedOrderWebhook({ id: '3001', lines: [{ sku: 'MUG', quantity: 1 }] });
        expect((await deliver(999_999, request)).status).toBe(404);
        const malformed = await app.request('/webhooks/1e3', { method: 'POST', body: request.rawBody });
        expect(malformed.status).toBe(404);
        const gone = await connect('Gone');
        await s.request('POST', `/stores/${s.store.id}/channels/${gone}/disconnect`);
        const orders = await orderCount();
        expect((await deliver(gone, request)).status).toBe(404);
        expect(await orderCount()).toBe(orders);
      });

      it('only accepts a channel’s own signature, and books the order in the channel’s store', async () => {
        await createProduct(s.t.db, s.otherStore.id, { sku: 'MUG', name: 'Their mug' });
        const theirs = await connect('Their shop', s.otherToken, s.otherStore.id);
        await s.t.db
          .updateTable('channels')
          .set({
            configCiphertext: sealChannelConfig(s.deps.secrets, { ...config, signingSecret: OTHER_SECRET }),
          })
          .where('id', '=', theirs)
          .execute();
        const body = { type: 'order.created', order: { id: '3002', lines: [{ sku: 'MUG', quantity: 1 }] } };
        // Our channel's secret on their channel's URL is refused.
        expect((await deliver(theirs, signed(body))).status).toBe(401);
        const res = await deliver(theirs, signed(body, { secret: OTHER_SECRET }));
        expect(res.body).toMatchObject({ status: 'created', number: 'Their shop-3002' });
        const order = await s.t.db
          .selectFrom('salesOrders')
          .select(['storeId', 'channelId'])
          .where('id', '=', res.body.salesOrderId as number)
          .executeTakeFirstOrThrow();
        expect(order).toEqual({ storeId: s.otherStore.id, channelId: theirs });
        // Their deliveries are not visible through our store.
        const listed = await s.request('GET', `/stores/${s.store.id}/channels/${theirs}/webhook-deliveries`);
        expect(listed.status).toBe(404);
      });

      it('is not part of the authenticated API (a bearer token does not replace the signature)', async () => {
        const res = await app.request(`/webhooks/${channelId}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'order.created',
            order: { id: '3003', lines: [{ sku: 'MUG', quantity: 1 }] },
          }),
        });
        expect(res.status).toBe(401);
      });
    });
  });
}
