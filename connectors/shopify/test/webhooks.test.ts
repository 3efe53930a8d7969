import { createManualClock } from '@ballast/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { shopifyConnector, shopifyHmac } from '../src/index.ts';
import { signedOrderDelivery } from '../src/simulator/index.ts';
import { APP_SECRET, LOCATION, SHOP, TOKEN } from './fixtures.ts';

const clock = createManualClock(Date.parse('2026-05-01T12:00:00Z'));
const { client } = shopifyConnector.connect(
  { shopDomain: SHOP, accessToken: TOKEN, appSecret: APP_SECRET, locationIds: [LOCATION] },
  { clock },
);
const order = {
  id: '5550001',
  lines: [
    { sku: 'MUG-1', quantity: 2 },
    { sku: 'CAP-2', quantity: 1 },
  ],
};
const at = new Date('2026-04-30T08:15:00Z');

describe('verifyWebhook', () => {
  it('accepts X-Shopify-Hmac-Sha256 over the raw body, and the un-prefixed lower-case spelling', () => {
    for (const headerStyle of ['prefixed', 'unprefixed'] as const) {
      const delivery = signedOrderDelivery(APP_SECRET, SHOP, order, { headerStyle });
      expect(client.verifyWebhook!(delivery)).toEqual({ ok: true });
    }
  });

  it('is the base64 HMAC-SHA256 of the raw bytes with the app secret', () => {
    const rawBody = '{"id":1,"note":"é"}';
    const headers = new Headers({ 'X-Shopify-Hmac-Sha256': shopifyHmac(APP_SECRET, rawBody) });
    expect(client.verifyWebhook!({ headers, rawBody })).toEqual({ ok: true });
    // Re-serialised JSON is not the body Shopify signed.
    expect(client.verifyWebhook!({ headers, rawBody: JSON.stringify(JSON.parse(rawBody), null, 1) }).ok).toBe(
      false,
    );
  });

  it('refuses another secret, a tampered body, a missing or malformed header, and another shop', () => {
    const forged = signedOrderDelivery(APP_SECRET, SHOP, order, { secret: 'not-the-secret' });
    expect(client.verifyWebhook!(forged)).toEqual({ ok: false, reason: 'the HMAC does not match the body' });
    const genuine = signedOrderDelivery(APP_SECRET, SHOP, order);
    expect(
      client.verifyWebhook!({ ...genuine, rawBody: genuine.rawBody.replace('"quantity":2', '"quantity":1') })
        .ok,
    ).toBe(false);
    expect(client.verifyWebhook!({ headers: new Headers(), rawBody: genuine.rawBody })).toMatchObject({
      ok: false,
      reason: 'no X-Shopify-Hmac-Sha256 header',
    });
    const truncated = new Headers(genuine.headers);
    truncated.set('X-Shopify-Hmac-Sha256', 'AAAA');
    expect(client.verifyWebhook!({ headers: truncated, rawBody: genuine.rawBody }).ok).toBe(false);
    const otherShop = signedOrderDelivery(APP_SECRET, 'someone-else.myshopify.com', order);
    expect(client.verifyWebhook!(otherShop)).toMatchObject({ ok: false });
  });

  it('without an app secret the connector does not take order webhooks', () => {
    const connection = shopifyConnector.connect({
      shopDomain: SHOP,
      accessToken: TOKEN,
      locationIds: [LOCATION],
    });
    expect(connection.capabilities.orderWebhooks).toBe(false);
    expect(connection.client.verifyWebhook).toBeUndefined();
  });
});

describe('parseOrderEvent', () => {
  it('turns orders/create into an order keyed by the webhook id', () => {
    const delivery = signedOrderDelivery(APP_SECRET, SHOP, order, {
      at,
      webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    });
    expect(client.parseOrderEvent!(delivery)).toEqual({
      kind: 'order',
      deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      order: {
        channelOrderId: '5550001',
        createdAt: at,
        lines: [
          { sku: 'MUG-1', quantity: 2, channelLineId: '9000000' },
          { sku: 'CAP-2', quantity: 1, channelLineId: '9000001' },
        ],
      },
    });
    const unprefixed = signedOrderDelivery(APP_SECRET, SHOP, order, {
      headerStyle: 'unprefixed',
      webhookId: 'w-2',
    });
    expect(client.parseOrderEvent!(unprefixed)).toMatchObject({ kind: 'order', deliveryId: 'w-2' });
  });

  it('ignores other topics, cancelled orders and orders without a SKU line', () => {
    const paid = signedOrderDelivery(APP_SECRET, SHOP, order, { topic: 'orders/paid' });
    expect(client.parseOrderEvent!(paid)).toMatchObject({ kind: 'ignored' });
    const cancelled = signedOrderDelivery(APP_SECRET, SHOP, order, { cancelledAt: at });
    expect(client.parseOrderEvent!(cancelled)).toMatchObject({ kind: 'ignored' });
    const custom = signedOrderDelivery(APP_SECRET, SHOP, { id: '7', lines: [{ sku: '', quantity: 1 }] });
    expect(client.parseOrderEvent!(custom)).toMatchObject({ kind: 'ignored' });
  });

  it('skips lines without a SKU, and falls back to the trigger time when created_at is missing', () => {
    const rawBody = JSON.stringify({
      id: 42,
      line_items: [
        { id: 1, sku: null, quantity: 1 },
        { id: 2, sku: 'TEE', quantity: 3, variant_id: 77 },
      ],
    });
    const headers = new Headers({
      'X-Shopify-Topic': 'orders/create',
      'X-Shopify-Triggered-At': '2026-04-01T10:00:00Z',
      'X-Shopify-Webhook-Id': 'w-42',
    });
    expect(client.parseOrderEvent!({ headers, rawBody })).toEqual({
      kind: 'order',
      deliveryId: 'w-42',
      order: {
        channelOrderId: '42',
        createdAt: new Date('2026-04-01T10:00:00Z'),
        lines: [{ sku: 'TEE', quantity: 3, channelLineId: '2' }],
      },
    });
  });

  it('a signed body it cannot read is invalid', () => {
    const headers = new Headers({ 'X-Shopify-Topic': 'orders/create' });
    expect(client.parseOrderEvent!({ headers, rawBody: 'not json' })).toMatchObject({ kind: 'invalid' });
    expect(client.parseOrderEvent!({ headers, rawBody: '{"id":1}' })).toMatchObject({ kind: 'invalid' });
    expect(client.parseOrderEvent!({ headers: new Headers(), rawBody: '{}' })).toMatchObject({
      kind: 'invalid',
    });
  });
});
