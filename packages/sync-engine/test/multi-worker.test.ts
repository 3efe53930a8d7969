import { adjustStock, createSalesOrder } from '@ballast/core';
import { createTestDatabase } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { latestPushesVersusMaster, waitForConvergence } from './support/convergence.ts';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';
import { startWorkerProcess, type WorkerProcess } from './support/worker-processes.ts';

describe('several worker processes on PostgreSQL', () => {
  let f: SyncFixture;
  const workers: WorkerProcess[] = [];
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await f.close();
    await f.t.drop();
  });

  it('three workers share the work and converge with no stale overwrite', async () => {
    const database = await createTestDatabase('postgres');
    f = await createSyncFixture('postgres', { products: 30, batchSize: 5, database });
    // Some latency so that workers overlap in time.
    f.sim.server.faults.next({ kind: 'delay', ms: 30 }, { method: 'POST', times: 10_000 });
    for (const id of ['w1', 'w2', 'w3']) {
      workers.push(
        await startWorkerProcess({ databaseUrl: database.url, connectorConfig: f.config, workerId: id }),
      );
    }

    // Changes arrive while the workers push.
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 120; i++) {
      const sku = `SKU-${1 + Math.floor(random() * 30)}`;
      if (i % 3 === 0) {
        await createSalesOrder(f.db, f.store.id, { number: `SO-${i}`, lines: [{ sku, quantity: 1 }] });
      } else {
        await adjustStock(f.db, f.store.id, {
          reason: 'cycle count',
          lines: [{ sku, delta: random() < 0.5 ? -1 : 2 }],
        });
      }
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    await waitForConvergence(f);

    const history = await f.db
      .selectFrom('syncHistory')
      .select(['workerId'])
      .where('status', '=', 'succeeded')
      .execute();
    expect(new Set(history.map((h) => h.workerId)).size).toBeGreaterThanOrEqual(2);
    // Every product's newest confirmed push carries the master's value: nothing older landed after it.
    expect(await latestPushesVersusMaster(f)).toEqual([]);
    const pending = await f.db
      .selectFrom('syncHistory')
      .select('id')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
  }, 120_000);
});
