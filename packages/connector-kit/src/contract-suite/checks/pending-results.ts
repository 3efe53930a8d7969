import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import type { PendingHandle } from '../../contract/quantity-update.ts';
import { ChannelError } from '../../errors/channel-error.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

/** Feed-style channels: accepted now, verdict later through `pollPending`. */
export function registerPendingResultChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const enabled = context.capabilities.pendingResults;
  const size = Math.min(3, context.capabilities.maxBatch);
  const handlesOf = (results: readonly { status: string; handle?: PendingHandle }[]): PendingHandle[] =>
    results.flatMap((r) => (r.status === 'pending' && r.handle !== undefined ? [r.handle] : []));

  it.skipIf(!enabled)('accepted writes come back pending, one handle each, and resolve through polling', () =>
    context.withSimulator(async (sim) => {
      expect(sim.processPending, 'a feed-style simulator must implement processPending').toBeDefined();
      const connection = context.connect(sim);
      const items = Array.from({ length: size }, () => ({ sku: freshSku('feed'), quantity: 2, next: 9 }));
      const batch = await context.prepare(sim, connection, items);
      const { items: results } = await connection.client.setQuantities(batch);
      expect(results.map((r) => r.status)).toEqual(batch.map(() => 'pending'));
      const handles = handlesOf(results);
      expect(new Set(handles).size, 'every item has a handle of its own').toBe(batch.length);

      // Asked in another order, every handle still gets exactly one answer: pending or a verdict.
      const early = await connection.client.pollPending!([...handles].reverse());
      expect(early.map((r) => r.handle).sort()).toEqual([...handles].sort());

      sim.processPending!();
      const final = await connection.client.pollPending!(handles);
      expect(final.map((r) => r.outcome.status)).toEqual(handles.map(() => 'ok'));
      for (const item of items) expect(sim.quantityOf(item.sku), item.sku).toBe(9);
    }),
  );

  it.skipIf(!enabled)('a failure found while processing comes back as the verdict for that item', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const items = Array.from({ length: size }, () => ({
        sku: freshSku('feed-fail'),
        quantity: 2,
        next: 6,
      }));
      const batch = await context.prepare(sim, connection, items);
      const broken = items[0]!.sku;
      sim.server.faults.next({
        kind: 'partial',
        failures: [{ sku: broken, retryable: false, code: 'DATA_ERROR', message: 'quantity refused' }],
      });
      const { items: sent } = await connection.client.setQuantities(batch);
      expect(sent.map((r) => r.status)).toEqual(batch.map(() => 'pending'));
      const results = await context.settle(sim, connection, sent);
      for (const [index, update] of batch.entries()) {
        const result = results[index];
        if (update.sku === broken) {
          expect(result).toMatchObject({ status: 'permanent', code: expect.any(String) });
          expect(sim.quantityOf(update.sku)).toBe(2);
        } else {
          expect(result?.status).toBe('ok');
          expect(sim.quantityOf(update.sku)).toBe(6);
        }
      }
    }),
  );

  it.skipIf(!enabled)(
    'a poll that fails throws a classified error, and the verdicts can be fetched again',
    () =>
      context.withSimulator(async (sim) => {
        const connection = context.connect(sim);
        const batch = await context.prepare(sim, connection, [
          { sku: freshSku('feed-poll'), quantity: 1, next: 4 },
        ]);
        const handles = handlesOf((await connection.client.setQuantities(batch)).items);
        expect(handles).toHaveLength(1);
        sim.processPending!();
        sim.server.faults.next({ kind: 'status', status: 503 });
        const failed = await connection.client.pollPending!(handles).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failed).toBeInstanceOf(ChannelError);
        expect((failed as ChannelError).retryable).toBe(true);
        const again = await connection.client.pollPending!(handles);
        expect(again).toEqual([{ handle: handles[0], outcome: expect.objectContaining({ status: 'ok' }) }]);
        expect(sim.quantityOf(batch[0]!.sku)).toBe(4);
      }),
  );
}
