import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

export function registerWebhookChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const enabled = context.capabilities.orderWebhooks;

  it.skipIf(!enabled)('accepts a signed order webhook and reads the order from it', () =>
    context.withSimulator(async (sim) => {
      const { client } = context.connect(sim);
      const order = { id: `order-${freshSku('o')}`, lines: [{ sku: freshSku('sold'), quantity: 2 }] };
      expect(sim.signedOrderWebhook, 'the simulator must sign order webhooks').toBeDefined();
      const delivery = sim.signedOrderWebhook!(order);
      expect(client.verifyWebhook!(delivery)).toEqual({ ok: true });
      const event = client.parseOrderEvent!(delivery);
      expect(event.kind).toBe('order');
      if (event.kind !== 'order') return;
      expect(event.order.channelOrderId).toBe(order.id);
      expect(event.order.lines.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual(order.lines);
      expect(Number.isNaN(event.order.createdAt.getTime())).toBe(false);
    }),
  );

  it.skipIf(!enabled)('rejects an order webhook whose body was tampered with', () =>
    context.withSimulator(async (sim) => {
      const { client } = context.connect(sim);
      const delivery = sim.signedOrderWebhook!({
        id: 'order-t',
        lines: [{ sku: freshSku('sold'), quantity: 1 }],
      });
      const tampered = {
        headers: delivery.headers,
        rawBody: delivery.rawBody.replace('"quantity":1', '"quantity":9'),
      };
      expect(tampered.rawBody).not.toBe(delivery.rawBody);
      expect(client.verifyWebhook!(tampered).ok).toBe(false);
      expect(client.verifyWebhook!({ headers: new Headers(), rawBody: delivery.rawBody }).ok).toBe(false);
    }),
  );
}
