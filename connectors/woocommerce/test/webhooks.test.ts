import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelClient, WebhookRequest } from '@ballast/connector-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { type WooListingRef, wooConnector, wooWebhookSignature } from '../src/index.ts';
import type { WooSimulator } from '../src/simulator/index.ts';
import { credentials } from './fixtures.ts';
import { connect, simulator } from './support/harness.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function webhookClient(): Promise<{ sim: WooSimulator; client: ChannelClient<WooListingRef> }> {
  const sim = await simulator();
  return { sim, client: connect(sim).client };
}

const order = {
  id: '1042',
  lines: [
    { sku: 'MUG', quantity: 2 },
    { sku: 'SHIRT-S', quantity: 1 },
  ],
};

/** A delivery with a body of our own, signed with the simulator's secret. */
function signed(rawBody: string, headers: Record<string, string> = {}): WebhookRequest {
  return {
    headers: new Headers({
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-signature': wooWebhookSignature(credentials.webhookSecret, rawBody),
      'x-wc-webhook-delivery-id': 'd-1',
      ...headers,
    }),
    rawBody,
  };
}

describe('order.created webhooks', () => {
  it('verifies the signature and reads the order: id, lines by SKU, creation time, delivery id', async () => {
    const { sim, client } = await webhookClient();
    const at = new Date('2026-03-01T10:00:00Z');
    const delivery = sim.signedOrderWebhook(order, { at, deliveryId: 'abc123' });
    expect(client.verifyWebhook!(delivery)).toEqual({ ok: true });
    expect(client.parseOrderEvent!(delivery)).toEqual({
      kind: 'order',
      deliveryId: 'abc123',
      order: {
        channelOrderId: '1042',
        createdAt: at,
        lines: [
          { sku: 'MUG', quantity: 2, channelLineId: '1' },
          { sku: 'SHIRT-S', quantity: 1, channelLineId: '2' },
        ],
      },
    });
  });

  it('refuses a missing, wrong or tampered signature', async () => {
    const { sim, client } = await webhookClient();
    const delivery = sim.signedOrderWebhook(order);
    const tampered = {
      headers: delivery.headers,
      rawBody: delivery.rawBody.replace('"quantity":2', '"quantity":20'),
    };
    expect(client.verifyWebhook!(tampered)).toMatchObject({ ok: false });
    const otherSecret = sim.signedOrderWebhook(order, { secret: 'not the channel secret' });
    expect(client.verifyWebhook!(otherSecret)).toMatchObject({ ok: false });
    const unsigned = new Headers(delivery.headers);
    unsigned.delete('x-wc-webhook-signature');
    expect(client.verifyWebhook!({ headers: unsigned, rawBody: delivery.rawBody })).toMatchObject({
      ok: false,
    });
    const garbage = new Headers(delivery.headers);
    garbage.set('x-wc-webhook-signature', 'bm90IGEgc2lnbmF0dXJl');
    expect(client.verifyWebhook!({ headers: garbage, rawBody: delivery.rawBody })).toMatchObject({
      ok: false,
    });
  });

  it('accepts the unsigned creation ping, which means nothing to do', async () => {
    const { sim, client } = await webhookClient();
    const ping = sim.pingWebhook(17);
    expect(client.verifyWebhook!(ping)).toEqual({ ok: true });
    expect(client.parseOrderEvent!(ping)).toEqual({
      kind: 'ignored',
      reason: 'creation ping of WooCommerce webhook 17',
    });
    // Only that exact form body passes unsigned.
    for (const rawBody of ['webhook_id=17&x=1', '{"webhook_id":17}', 'webhook_id=abc']) {
      expect(client.verifyWebhook!({ headers: ping.headers, rawBody }), rawBody).toMatchObject({ ok: false });
    }
  });

  it('ignores other topics and orders with no SKU on any line; leaves SKU-less lines out', async () => {
    const { sim, client } = await webhookClient();
    const updated = sim.signedOrderWebhook(order, { topic: 'order.updated' });
    expect(client.parseOrderEvent!(updated)).toEqual({
      kind: 'ignored',
      reason: 'topic order.updated is not order.created',
    });
    const noSku = signed(
      JSON.stringify({
        id: 7,
        line_items: [
          { id: 1, sku: '', quantity: 1 },
          { id: 2, sku: null, quantity: 1 },
        ],
      }),
    );
    expect(client.parseOrderEvent!(noSku)).toMatchObject({ kind: 'ignored' });
    const mixed = signed(
      JSON.stringify({
        id: 8,
        line_items: [
          { id: 1, sku: '', quantity: 1 },
          { id: 2, sku: 'MUG', quantity: 3 },
        ],
      }),
    );
    expect(client.parseOrderEvent!(mixed)).toMatchObject({
      kind: 'order',
      order: { channelOrderId: '8', lines: [{ sku: 'MUG', quantity: 3, channelLineId: '2' }] },
    });
  });

  it('a signed body it cannot read is invalid', async () => {
    const { client } = await webhookClient();
    expect(client.parseOrderEvent!(signed('not json'))).toMatchObject({ kind: 'invalid' });
    expect(client.parseOrderEvent!(signed('{"id":1}'))).toMatchObject({ kind: 'invalid' });
    expect(
      client.parseOrderEvent!(signed(JSON.stringify({ id: 9, line_items: [{ sku: 'MUG', quantity: 1.5 }] }))),
    ).toMatchObject({ kind: 'invalid' });
  });

  it('without a webhook secret the connector declares no order webhooks', () => {
    const { webhookSecret: _, ...withoutSecret } = credentials;
    const { client, capabilities } = wooConnector.connect({
      siteUrl: 'https://shop.example',
      ...withoutSecret,
    });
    expect(capabilities.orderWebhooks).toBe(false);
    expect(client.verifyWebhook).toBeUndefined();
  });

  it('delivered over HTTP to a host that answers like the Ballast server: ping 200, orders 200, bad ones 401', async () => {
    const { sim, client } = await webhookClient();
    const received: string[] = [];
    // The server's /webhooks/{channelId} route: 401 when the verdict is not ok, 400 invalid, else 200.
    const host = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
        const request = { headers, rawBody: Buffer.concat(chunks).toString('utf8') };
        const verdict = client.verifyWebhook!(request);
        const event = verdict.ok ? client.parseOrderEvent!(request) : undefined;
        received.push(event?.kind ?? 'refused');
        res.writeHead(!verdict.ok ? 401 : event?.kind === 'invalid' ? 400 : 200).end();
      });
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => host.close(() => resolve())));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/webhooks/1`;

    // WooCommerce saves the webhook only if its ping gets exactly 200.
    expect(await sim.deliverWebhook(url, sim.pingWebhook(3))).toEqual({
      status: 200,
      webhookDisabled: false,
    });
    expect(await sim.deliverWebhook(url, sim.signedOrderWebhook(order))).toEqual({
      status: 200,
      webhookDisabled: false,
    });
    // A secret that does not match: after more than 5 failures in a row WooCommerce disables the webhook.
    const outcomes = [];
    for (let i = 0; i < 7; i++) {
      outcomes.push(await sim.deliverWebhook(url, sim.signedOrderWebhook(order, { secret: 'stale secret' })));
    }
    expect(outcomes.map((o) => o.status)).toEqual([401, 401, 401, 401, 401, 401, 'not-sent']);
    expect(outcomes.at(-1)?.webhookDisabled).toBe(true);
    expect(received).toEqual([
      'ignored',
      'order',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
  });
});
