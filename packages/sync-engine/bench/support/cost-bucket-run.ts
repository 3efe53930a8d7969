import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPacer, type QuantityUpdate } from '@ballast/connector-kit';
import { createSeededRandom } from '@ballast/connector-kit/testing';
import { adjustStock, type DialectName } from '@ballast/core';
import { createTestDatabase } from '@ballast/core/testing';
import { createSyncEngine } from '../../src/index.ts';
import { driveChanges } from './change-driver.ts';
import {
  COST_BUCKET_CONNECTOR_ID,
  type CostBucketConfig,
  costBucketConnector,
} from './cost-bucket-connector.ts';
import { costOf, inventoryItemIdOf } from './cost-bucket-protocol.ts';
import { type CostBucketSimulator, startCostBucketSimulator } from './cost-bucket-simulator.ts';
import { note } from './note.ts';
import { seedCatalogue } from './seed-catalogue.ts';
import { withCleanups } from './with-cleanups.ts';
import { startWorkerProcess } from './worker-processes.ts';

/** Shopify Standard: a 1,000-point bucket restoring 100 points/s; a write costs 10 + 1 per item, 250 items at most. */
const BUCKET = { capacity: 1000, restorePerSec: 100 };
const COST = { base: 10, perItem: 1 };
const MAX_BATCH = 250;
const SKUS = 5_000;
/** Changes keep coming on random SKUs all along, so the dirty set never runs dry and claimed pairs move on. */
const CHANGES_PER_SEC = 100;
/** The full bucket a run starts with is spent first; only the steady state after it is measured. */
const WARMUP_MS = 4_000;
const WINDOW_MS = 20_000;
const ACCESS_TOKEN = 'shpat_bench';

/** The most SKU updates per second the bucket can ever sustain: restore rate over the per-item cost at max batch. */
export const CEILING_PER_SEC = BUCKET.restorePerSec / (costOf(COST, MAX_BATCH) / MAX_BATCH);

export interface PusherStats {
  updatesPerSec: number;
  /** Updates per second over the ceiling (the bucket's content spent during the window is credited to it). */
  fractionOfCeiling: number;
  /** Calls sent, throttled ones included, per update delivered. */
  callsPerUpdate: number;
  calls: number;
  throttled: number;
}

export interface CostBucketResult {
  engine: PusherStats;
  naive: PusherStats;
}

/**
 * Runs the engine and, side by side against a second simulator with its own bucket, a naive pusher that
 * sends one call per change paced by the kit's pacer. Both see the same changes. `workers` = 0 runs the
 * engine in this process (SQLite); otherwise that many worker processes share one PostgreSQL database.
 */
export function measureCostBucket(dialect: DialectName, workers: number): Promise<CostBucketResult> {
  return withCleanups(async (defer) => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-cost-bucket-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const database = await createTestDatabase(
      dialect,
      dialect === 'sqlite' ? { file: join(dir, 'bench.db') } : {},
    );
    defer(() => database.drop());
    const { db } = database;
    const simOptions = { accessToken: ACCESS_TOKEN, ...BUCKET, cost: COST };
    const engineSim = await startCostBucketSimulator(simOptions);
    defer(() => engineSim.close());
    const naiveSim = await startCostBucketSimulator(simOptions);
    defer(() => naiveSim.close());
    const configFor = (sim: CostBucketSimulator): CostBucketConfig => ({
      baseUrl: sim.server.url,
      accessToken: ACCESS_TOKEN,
      maxBatch: MAX_BATCH,
      ...BUCKET,
      baseCost: COST.base,
      perItemCost: COST.perItem,
    });

    const { storeId, skus } = await seedCatalogue(db, {
      products: SKUS,
      connectorId: COST_BUCKET_CONNECTOR_ID,
      onHand: 10,
      channelRef: inventoryItemIdOf,
      shownQuantity: 0,
    });
    engineSim.seed(skus, 0);
    naiveSim.seed(skus, 0);

    const engineConfig = configFor(engineSim);
    const engine =
      workers === 0
        ? createSyncEngine({
            db,
            connectors: [costBucketConnector],
            resolveChannelConfig: () => ({ config: engineConfig }),
          })
        : undefined;
    const processes = await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        startWorkerProcess({
          databaseUrl: database.url,
          connectorConfig: engineConfig,
          workerId: `bench-${i + 1}`,
        }),
      ),
    );
    defer(() => Promise.all([engine?.stop(), ...processes.map((p) => p.stop())]));

    // The naive pusher: every change becomes one call of one item, in order, paced to the same bucket.
    const naive = costBucketConnector.connect(configFor(naiveSim));
    const pacer = createPacer(naive.capabilities.rateModel);
    const queue: QuantityUpdate<string>[] = [];
    let running = true;
    const naiveLoop = (async () => {
      while (running) {
        const update = queue.shift();
        if (!update) {
          await sleep(5);
          continue;
        }
        await pacer.acquire(naive.client.estimateCost?.([update]) ?? 1);
        const result = await naive.client.setQuantities([update]);
        pacer.observe(result.rateFeedback);
      }
    })();
    defer(() => {
      running = false;
      return naiveLoop;
    });

    const start = Date.now();
    engine?.start();
    let t1 = Number.POSITIVE_INFINITY;
    const random = createSeededRandom(5_000);
    const driving = driveChanges({
      ratePerSec: CHANGES_PER_SEC,
      count: Number.POSITIVE_INFINITY,
      until: () => Date.now() >= t1,
      change: async (i) => {
        const sku = skus[Math.floor(random() * skus.length)]!;
        const delta = 1 + Math.floor(random() * 3);
        const adjustment = await adjustStock(db, storeId, { reason: 'bench', lines: [{ sku, delta }] });
        const quantity = adjustment.lines[0]!.after;
        queue.push({
          key: String(i),
          listingRef: inventoryItemIdOf(sku),
          sku,
          quantity,
          idempotencyKey: `naive:${i}`,
        });
        engine?.wake();
      },
    });
    defer(() => {
      t1 = Math.min(t1, Date.now());
      return driving.catch(() => {});
    });

    // The window opens once both pushers have spent the full bucket they started with (a busy machine may
    // take longer than the warm-up to get there).
    const drained = { engine: false, naive: false };
    while (Date.now() < start + WARMUP_MS || !(drained.engine && drained.naive)) {
      if (Date.now() > start + 60_000) throw new Error('the buckets were not drained within 60 s');
      drained.engine ||= engineSim.level() < costOf(COST, MAX_BATCH);
      drained.naive ||= naiveSim.level() < costOf(COST, MAX_BATCH);
      await sleep(20);
    }
    const t0 = Date.now();
    t1 = t0 + WINDOW_MS;
    await driving;

    const label = dialect === 'sqlite' ? 'sqlite' : `postgres ${workers}w`;
    return {
      engine: statsOf(`${label} engine`, engineSim, t0, t1),
      naive: statsOf(`${label} naive`, naiveSim, t0, t1),
    };
  });
}

/**
 * Rates between the first and the last admitted call in [t0, t1): whole calls over the time they took, so a
 * window that happens to end just before a large call does not count against the pusher.
 */
function statsOf(label: string, sim: CostBucketSimulator, t0: number, t1: number): PusherStats {
  const admitted = sim.calls.filter((c) => !c.throttled && c.at >= t0 && c.at < t1);
  const first = admitted[0];
  const last = admitted.at(-1);
  if (!first || !last || first === last) throw new Error(`${label}: fewer than two calls went through`);
  const measured = sim.calls.filter((c) => c.at >= first.at && c.at < last.at);
  const updates = measured.filter((c) => !c.throttled).reduce((sum, c) => sum + c.items, 0);
  const throttled = measured.filter((c) => c.throttled).length;
  const seconds = (last.at - first.at) / 1000;
  // What the bucket could pay for meanwhile: its restore, plus what it held at the first call and no longer
  // held at the last (a bucket drained during the span is credited to the ceiling, never to the pusher).
  const points = BUCKET.restorePerSec * seconds + Math.max(0, first.levelBefore - last.levelBefore);
  const ceilingUpdates = points / (costOf(COST, MAX_BATCH) / MAX_BATCH);
  const stats: PusherStats = {
    updatesPerSec: updates / seconds,
    fractionOfCeiling: updates / ceilingUpdates,
    callsPerUpdate: measured.length / updates,
    calls: measured.length,
    throttled,
  };
  note(
    `cost bucket ${label}: ${updates} updates in ${seconds.toFixed(2)} s (${stats.updatesPerSec.toFixed(1)}/s, ` +
      `ceiling ${CEILING_PER_SEC.toFixed(1)}/s), ${stats.calls} calls of which ${throttled} throttled, bucket ` +
      `${Math.round(first.levelBefore)} -> ${Math.round(last.levelBefore)} points at the first and last call`,
  );
  return stats;
}
