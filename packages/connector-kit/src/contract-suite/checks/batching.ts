import { expect, it } from 'vitest';
import type { z } from 'zod';
import { BatchTooLargeError } from '../../contract/guard-client.ts';
import type { ListingRef } from '../../contract/listing-ref.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

export function registerBatchingChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const { maxBatch } = context.capabilities;

  it('finds listings by SKU and leaves unknown SKUs out', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const known = [freshSku('lookup'), freshSku('lookup')];
      sim.seed(known.map((sku) => ({ sku, quantity: 3 })));
      const matches = await connection.client.lookupListings([...known, freshSku('unknown')]);
      expect(matches.map((m) => m.sku).sort()).toEqual([...known].sort());
    }));

  it(`applies a full batch of maxBatch (${maxBatch}) updates`, () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const items = Array.from({ length: maxBatch }, (_, i) => ({
        sku: freshSku('full'),
        quantity: 1,
        next: 10 + i,
      }));
      const batch = await context.prepare(sim, connection, items);
      const result = await connection.client.setQuantities(batch);
      expect(result.items.map((r) => r.key)).toEqual(batch.map((u) => u.key));
      const settled = await context.settle(sim, connection, result.items);
      expect(settled.map((r) => r.status)).toEqual(batch.map(() => 'ok'));
      for (const item of items) expect(sim.quantityOf(item.sku)).toBe(item.next);
    }));

  it('refuses a batch above maxBatch before sending anything', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const items = Array.from({ length: maxBatch + 1 }, () => ({
        sku: freshSku('over'),
        quantity: 1,
        next: 2,
      }));
      const batch = await context.prepare(sim, connection, items);
      sim.server.clearLog();
      await expect(connection.client.setQuantities(batch)).rejects.toBeInstanceOf(BatchTooLargeError);
      expect(sim.server.requests).toHaveLength(0);
      for (const item of items) expect(sim.quantityOf(item.sku)).toBe(1);
    }));
}
