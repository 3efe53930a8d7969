import { signStandardWebhook } from '@ballast/connector-kit';
import { describe, expect, it } from 'vitest';
import { webhookConnector } from '../src/index.ts';
import { OTHER_SECRET, TEST_SECRET } from './fixtures.ts';

const { client } = webhookConnector.connect({
  endpointUrl: 'https://erp.example.com/ballast/inventory',
  signingSecret: OTHER_SECRET,
  orderSigningSecret: TEST_SECRET,
});

function delivery(body: unknown, options: { secret?: string; at?: Date; id?: string } = {}) {
  const rawBody = JSON.stringify(body);
  const headers = signStandardWebhook({
    secret: options.secret ?? TEST_SECRET,
    id: options.id ?? 'msg_order_1',
    timestamp: options.at ?? new Date(),
    body: rawBody,
  });
  return { headers: new Headers({ ...headers }), rawBody };
}

const orderBody = {
  type: 'order.created',
  order: { id: 'SO-1001', lines: [{ sku: 'MUG-01', quantity: 2 }] },
};

describe('order webhooks', () => {
  it('verifies with the order secret and reads the order', () => {
    const request = delivery(orderBody, { at: new Date('2026-03-01T10:00:00Z'), id: 'msg_abc' });
    const recent = delivery(orderBody, { id: 'msg_abc' });
    expect(client.verifyWebhook?.(recent)).toEqual({ ok: true });
    expect(client.parseOrderEvent?.(request)).toEqual({
      kind: 'order',
      deliveryId: 'msg_abc',
      order: {
        channelOrderId: 'SO-1001',
        createdAt: new Date('2026-03-01T10:00:00Z'),
        lines: [{ sku: 'MUG-01', quantity: 2 }],
      },
    });
  });

  it('uses the order createdAt when given, and numeric order ids become strings', () => {
    const event = client.parseOrderEvent?.(
      delivery({
        type: 'order.created',
        order: {
          id: 77,
          createdAt: '2026-02-01T08:30:00+01:00',
          lines: [{ sku: 'A', quantity: 1, id: 'L1' }],
        },
      }),
    );
    expect(event).toMatchObject({
      kind: 'order',
      order: {
        channelOrderId: '77',
        createdAt: new Date('2026-02-01T07:30:00Z'),
        lines: [{ sku: 'A', quantity: 1, channelLineId: 'L1' }],
      },
    });
  });

  it('rejects a delivery signed with another secret (the outgoing one is not the order secret)', () => {
    expect(client.verifyWebhook?.(delivery(orderBody, { secret: OTHER_SECRET })).ok).toBe(false);
  });

  it('rejects a replay older than five minutes and a timestamp from the future', () => {
    const old = delivery(orderBody, { at: new Date(Date.now() - 6 * 60_000) });
    const future = delivery(orderBody, { at: new Date(Date.now() + 6 * 60_000) });
    expect(client.verifyWebhook?.(old)).toEqual({ ok: false, reason: 'Message timestamp too old' });
    expect(client.verifyWebhook?.(future)).toEqual({ ok: false, reason: 'Message timestamp too new' });
    expect(client.verifyWebhook?.(delivery(orderBody, { at: new Date(Date.now() - 4 * 60_000) })).ok).toBe(
      true,
    );
  });

  it('ignores other event types and flags unreadable bodies', () => {
    expect(client.parseOrderEvent?.(delivery({ type: 'order.cancelled', order: orderBody.order }))).toEqual({
      kind: 'ignored',
      reason: 'event type order.cancelled is not order.created',
    });
    expect(client.parseOrderEvent?.(delivery({ type: 'order.created' }))?.kind).toBe('invalid');
    expect(
      client.parseOrderEvent?.(delivery({ type: 'order.created', order: { id: 'x', lines: [] } }))?.kind,
    ).toBe('invalid');
    expect(client.parseOrderEvent?.({ headers: new Headers(), rawBody: 'not json' })).toEqual({
      kind: 'invalid',
      reason: 'the body is not JSON',
    });
  });
});
