import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

export function registerConsistencyChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const { compareAndSet, idempotentWrites } = context.capabilities;

  it.skipIf(!compareAndSet)('compare-and-set: a stale expectation is refused and reported', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const [update] = await context.prepare(sim, connection, [
        { sku: freshSku('cas'), quantity: 5, next: 9 },
      ]);
      const stale = await connection.client.setQuantities([{ ...update!, expectedCurrent: 3 }]);
      const [result] = await context.settle(sim, connection, stale.items);
      expect(result?.status).toBe('stale');
      if (result?.status === 'stale' && result.actualQuantity !== undefined)
        expect(result.actualQuantity).toBe(5);
      expect(sim.quantityOf(update!.sku)).toBe(5);

      const fresh = await connection.client.setQuantities([
        { ...update!, expectedCurrent: 5, idempotencyKey: `${update!.idempotencyKey}-retry` },
      ]);
      expect((await context.settle(sim, connection, fresh.items))[0]?.status).toBe('ok');
      expect(sim.quantityOf(update!.sku)).toBe(9);
    }),
  );

  it.skipIf(!idempotentWrites)('idempotency: replaying a key does not apply the write twice', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const [update] = await context.prepare(sim, connection, [
        { sku: freshSku('idem'), quantity: 1, next: 5 },
      ]);
      const first = await connection.client.setQuantities([update!]);
      expect((await context.settle(sim, connection, first.items))[0]?.status).toBe('ok');
      expect(sim.quantityOf(update!.sku)).toBe(5);

      // Someone edits the item on the channel; a late replay of the old write must not undo that.
      sim.setQuantity(update!.sku, 2);
      const replay = await connection.client.setQuantities([update!]);
      expect((await context.settle(sim, connection, replay.items))[0]?.status).not.toBe('permanent');
      expect(sim.quantityOf(update!.sku)).toBe(2);

      // A new key with the same quantity is a new write (a 5 -> 2 -> 5 swing is still pushed).
      const again = await connection.client.setQuantities([
        { ...update!, idempotencyKey: `${update!.idempotencyKey}-v2` },
      ]);
      expect((await context.settle(sim, connection, again.items))[0]?.status).toBe('ok');
      expect(sim.quantityOf(update!.sku)).toBe(5);
    }),
  );
}
