import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { type RateModel, rateModelList } from '../../contract/capabilities.ts';
import type { ListingRef } from '../../contract/listing-ref.ts';
import type { ItemResult } from '../../contract/quantity-update.ts';
import { createPacer } from '../../rate/pacer.ts';
import type { ContractSimulator } from '../../testing/harness.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

/** Calls a fresh limit lets through at once, for one-point calls (an upper bound for dearer ones). */
function allowance(model: RateModel): number {
  switch (model.kind) {
    case 'token-bucket':
      return Math.floor(model.burst);
    case 'cost-bucket':
      return Math.floor(model.capacity);
    case 'fixed-window':
    case 'daily-quota':
      return model.limit;
  }
}

/** Unpaced calls beyond the allowance: enough that refill during a concurrent burst cannot absorb them. */
const UNPACED_EXTRA = 20;

/** Least time a fresh limit needs to let `extra` more one-item calls through after its allowance. */
function minimumWaitMs(model: RateModel, points: number, extra: number): number {
  if (extra <= 0) return 0;
  switch (model.kind) {
    case 'token-bucket':
      return (extra / model.ratePerSec) * 1000;
    case 'cost-bucket':
      return ((extra * points) / model.restorePerSec) * 1000;
    case 'fixed-window':
      return model.windowMs;
    case 'daily-quota':
      return Number.POSITIVE_INFINITY;
  }
}

export function registerThrottlingChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  const models = rateModelList(context.capabilities.rateModel);

  /** Sends one-item calls to a simulator whose limits have refilled, paced by a fresh pacer or not at all. */
  const run = async (sim: ContractSimulator, paced: boolean) => {
    const connection = context.connect(sim);
    const count = Math.min(...models.map(allowance)) + UNPACED_EXTRA;
    const items = Array.from({ length: count }, () => ({ sku: freshSku('rate'), quantity: 0, next: 1 }));
    const updates = await context.prepare(sim, connection, items);
    const points = connection.client.estimateCost?.(updates.slice(0, 1)) ?? 1;

    // The setup lookups were not paced; let every refillable limit refill so the simulator and a fresh pacer
    // start from the same state. A daily quota does not refill in a test: count what it has left instead.
    const states = sim.rateLimiter.state();
    const refillMs = Math.max(
      0,
      ...states.filter((s) => s.model.kind !== 'daily-quota').map((s) => s.resetInMs),
    );
    await sleep(Math.ceil(refillMs) + 20);
    const allowed = Math.min(
      ...sim.rateLimiter
        .state()
        .map((s) => Math.floor(s.remaining / (s.model.kind === 'cost-bucket' ? points : 1))),
    );
    const extra = models.some((m) => minimumWaitMs(m, points, 3) > context.maxPacingMs) ? 0 : 3;
    const calls = Math.min(paced ? allowed + extra : allowed + UNPACED_EXTRA, updates.length);
    const waitMs = Math.max(...models.map((m) => minimumWaitMs(m, points, calls - allowed)));

    const pacer = createPacer(context.capabilities.rateModel);
    const rejectedBefore = sim.rateLimiter.rejected;
    const started = Date.now();
    const results: ItemResult[] = [];
    const send = async (index: number): Promise<void> => {
      const batch = updates.slice(index, index + 1);
      if (paced) await pacer.acquire(points);
      const result = await connection.client.setQuantities(batch);
      if (paced) pacer.observe(result.rateFeedback);
      results.push(...result.items);
    };
    if (paced) {
      // The engine keeps one call in flight per channel account.
      for (let i = 0; i < calls; i++) await send(i);
    } else {
      await Promise.all(Array.from({ length: calls }, (_, i) => send(i)));
    }
    return {
      results,
      elapsedMs: Date.now() - started,
      waitMs,
      rejected: sim.rateLimiter.rejected - rejectedBefore,
    };
  };

  it('the simulator throttles calls that ignore the declared limit', () =>
    context.withSimulator(async (sim) => {
      const { results, rejected } = await run(sim, false);
      expect(rejected).toBeGreaterThan(0);
      expect(results.some((r) => r.status === 'transient')).toBe(true);
    }));

  it('paced calls never exceed the limit, and the pacer really waits', () =>
    context.withSimulator(async (sim) => {
      const { results, elapsedMs, waitMs, rejected } = await run(sim, true);
      expect(rejected).toBe(0);
      // Accepted for a later verdict counts as through: polling here would spend calls the pacer never booked.
      const through = context.capabilities.pendingResults ? ['ok', 'pending'] : ['ok'];
      expect(results.filter((r) => !through.includes(r.status))).toEqual([]);
      expect(elapsedMs).toBeGreaterThanOrEqual(Math.floor(waitMs * 0.95));
    }));
}
