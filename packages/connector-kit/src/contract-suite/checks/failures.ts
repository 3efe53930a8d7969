import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import type { ItemResult } from '../../contract/quantity-update.ts';
import { createPacer } from '../../rate/pacer.ts';
import type { Fault } from '../../testing/faults.ts';
import { createManualClock } from '../../testing/manual-clock.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

/** Whole-call faults and the class every item must get. */
const WHOLE_CALL_FAULTS: readonly (readonly [string, Fault, 'transient' | 'permanent'])[] = [
  ['503', { kind: 'status', status: 503 }, 'transient'],
  ['500', { kind: 'status', status: 500 }, 'transient'],
  ['502', { kind: 'status', status: 502 }, 'transient'],
  ['429', { kind: 'status', status: 429 }, 'transient'],
  ['408', { kind: 'status', status: 408 }, 'transient'],
  ['connection reset', { kind: 'reset' }, 'transient'],
  ['malformed JSON body', { kind: 'malformed-json' }, 'transient'],
  ['400', { kind: 'status', status: 400 }, 'permanent'],
  ['401', { kind: 'status', status: 401 }, 'permanent'],
  ['403', { kind: 'status', status: 403 }, 'permanent'],
  ['404', { kind: 'status', status: 404 }, 'permanent'],
  ['422', { kind: 'status', status: 422 }, 'permanent'],
];

export function registerFailureChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const statusOf = (results: readonly ItemResult[], key: string | undefined): string | undefined =>
    results.find((r) => r.key === key)?.status;

  it('reports a partial batch failure item by item', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const size = Math.min(4, context.capabilities.maxBatch);
      const items = Array.from({ length: size }, () => ({ sku: freshSku('partial'), quantity: 5, next: 8 }));
      const batch = await context.prepare(sim, connection, items);
      const permanentSku = items[0]?.sku ?? '';
      const transientSku = items[size - 1]?.sku ?? '';
      sim.server.faults.next({
        kind: 'partial',
        failures: [
          { sku: permanentSku, retryable: false, code: 'INVALID_ITEM', message: 'rejected by the channel' },
          ...(size > 1 ? [{ sku: transientSku, retryable: true, code: 'BUSY', message: 'try later' }] : []),
        ],
      });
      const { items: sent } = await connection.client.setQuantities(batch);
      expect(sent).toHaveLength(size);
      // A feed-style channel accepts the batch and reports the failures with its verdicts.
      const results = await context.settle(sim, connection, sent);
      for (const update of batch) {
        const expected =
          update.sku === permanentSku ? 'permanent' : update.sku === transientSku ? 'transient' : 'ok';
        expect(statusOf(results, update.key), update.sku).toBe(expected);
        expect(sim.quantityOf(update.sku), update.sku).toBe(expected === 'ok' ? 8 : 5);
      }
    }));

  for (const [label, fault, expected] of WHOLE_CALL_FAULTS) {
    it(`classifies a whole-call ${label} as ${expected} for every item`, () =>
      context.withSimulator(async (sim) => {
        const connection = context.connect(sim);
        const size = Math.min(2, context.capabilities.maxBatch);
        const items = Array.from({ length: size }, () => ({ sku: freshSku('fault'), quantity: 1, next: 6 }));
        const batch = await context.prepare(sim, connection, items);
        sim.server.faults.next(fault);
        const { items: results } = await connection.client.setQuantities(batch);
        expect(results.map((r) => r.status)).toEqual(batch.map(() => expected));
        for (const result of results) {
          if (result.status === 'transient' || result.status === 'permanent')
            expect(result.code).not.toBe('');
        }
      }));
  }

  it('gives up on a channel that hangs at the timeout, as transient', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const batch = await context.prepare(sim, connection, [{ sku: freshSku('hang'), quantity: 1, next: 2 }]);
      sim.server.faults.next({ kind: 'hang' });
      const started = Date.now();
      const { items: results } = await connection.client.setQuantities(batch);
      expect(results.map((r) => r.status)).toEqual(['transient']);
      expect(Date.now() - started).toBeLessThan(context.timeoutMs * 4 + 1_000);
    }));

  it('honours Retry-After in seconds on a 429, per item and for the pacer', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const batch = await context.prepare(sim, connection, [
        { sku: freshSku('retry'), quantity: 1, next: 2 },
      ]);
      sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '7' });
      const result = await connection.client.setQuantities(batch);
      const [item] = result.items;
      expect(item?.status).toBe('transient');
      expect(item?.status === 'transient' ? item.retryAfterMs : undefined).toBe(7_000);
      expect(result.rateFeedback?.retryAfterMs).toBe(7_000);
      const clock = createManualClock(1_000_000);
      const pacer = createPacer(context.capabilities.rateModel, { clock });
      pacer.observe(result.rateFeedback);
      expect(pacer.delayFor()).toBeGreaterThanOrEqual(7_000);
      expect(sim.quantityOf(batch[0]?.sku ?? '')).toBe(1);
    }));

  it('honours Retry-After given as an HTTP date', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim);
      const batch = await context.prepare(sim, connection, [
        { sku: freshSku('retry-date'), quantity: 1, next: 2 },
      ]);
      sim.server.faults.next({
        kind: 'status',
        status: 503,
        retryAfter: new Date(Date.now() + 30_000).toUTCString(),
      });
      const result = await connection.client.setQuantities(batch);
      const [item] = result.items;
      expect(item?.status).toBe('transient');
      const retryAfterMs = item?.status === 'transient' ? item.retryAfterMs : undefined;
      // HTTP dates have one-second resolution.
      expect(retryAfterMs).toBeGreaterThan(27_000);
      expect(retryAfterMs).toBeLessThanOrEqual(30_000);
    }));
}
