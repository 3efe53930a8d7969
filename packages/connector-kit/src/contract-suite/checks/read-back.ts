import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

export function registerReadBackChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  it.skipIf(!context.capabilities.readBack)(
    'reads back what the channel shows, including edits made there',
    () =>
      context.withSimulator(async (sim) => {
        const connection = context.connect(sim);
        const updates = await context.prepare(sim, connection, [
          { sku: freshSku('read'), quantity: 4, next: 4 },
          { sku: freshSku('read'), quantity: 7, next: 7 },
        ]);
        sim.setQuantity(updates[1]!.sku, 11);
        const results = await connection.client.readQuantities!(
          updates.map(({ key, listingRef, sku }) => ({ key, listingRef, sku })),
        );
        expect(results).toEqual([
          { key: updates[0]!.key, status: 'ok', quantity: 4 },
          { key: updates[1]!.key, status: 'ok', quantity: 11 },
        ]);
      }),
  );

  it.skipIf(!context.capabilities.readBack)('a failed read-back is classified per item', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const updates = await context.prepare(sim, connection, [
        { sku: freshSku('read-fail'), quantity: 4, next: 4 },
      ]);
      sim.server.faults.next({ kind: 'status', status: 503 });
      const results = await connection.client.readQuantities!(
        updates.map(({ key, listingRef, sku }) => ({ key, listingRef, sku })),
      );
      expect(results.map((r) => r.status)).toEqual(['transient']);
    }),
  );
}
