import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustStock, listSyncHistory } from '@ballast/core';
import { createTestDatabase, DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { channelVersusMaster, latestPushesVersusMaster, waitForConvergence } from './support/convergence.ts';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';
import { startWorkerProcess, type WorkerProcess } from './support/worker-processes.ts';

for (const dialect of DIALECTS) {
  describe(`crash recovery [${dialect}]`, () => {
    let f: SyncFixture;
    const workers: WorkerProcess[] = [];
    afterEach(async () => {
      await Promise.all(workers.map((w) => w.kill()));
      await f.close();
      await f.t.drop();
    });

    it('a worker killed mid-batch loses nothing: a restarted worker converges and closes the cut attempts', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'ballast-crash-')), 'ballast.db');
      const database = await createTestDatabase(dialect, { file });
      f = await createSyncFixture(dialect, { products: 40, batchSize: 10, database });
      // Every push takes a while, so the kill lands while a batch is on the wire.
      f.sim.server.faults.next({ kind: 'delay', ms: 500 }, { method: 'POST', times: 1_000 });

      const first = await startWorkerProcess({
        databaseUrl: database.url,
        connectorConfig: f.config,
        workerId: 'w1',
        leaseMs: 3_000,
      });
      workers.push(first);
      for (let i = 0; i < 400 && !f.sim.server.requests.some((r) => r.method === 'POST'); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(f.sim.server.requests.some((r) => r.method === 'POST')).toBe(true);
      await first.kill();

      // Changes keep coming while no worker runs.
      await adjustStock(f.db, f.store.id, { reason: 'sold offline', lines: [{ sku: 'SKU-1', delta: -4 }] });
      await adjustStock(f.db, f.store.id, { reason: 'restock', lines: [{ sku: 'SKU-40', delta: 5 }] });
      const pendingAfterCrash = await f.db
        .selectFrom('syncHistory')
        .select('id')
        .where('status', '=', 'pending')
        .execute();
      expect(pendingAfterCrash.length).toBeGreaterThan(0);

      f.sim.server.faults.clear();
      workers.push(
        await startWorkerProcess({
          databaseUrl: database.url,
          connectorConfig: f.config,
          workerId: 'w2',
          leaseMs: 3_000,
        }),
      );
      await waitForConvergence(f);

      const rows = await channelVersusMaster(f);
      expect(rows.find((r) => r.sku === 'SKU-1')).toEqual({ sku: 'SKU-1', channel: 6, master: 6 });
      expect(rows.find((r) => r.sku === 'SKU-40')).toEqual({ sku: 'SKU-40', channel: 15, master: 15 });
      const stillPending = await f.db
        .selectFrom('syncHistory')
        .select('id')
        .where('status', '=', 'pending')
        .execute();
      expect(stillPending).toEqual([]);
      const interrupted = await listSyncHistory(f.db, f.store.id, { status: ['retrying'] });
      expect(interrupted.items.some((h) => h.errorCode === 'interrupted')).toBe(true);
      // Every product's newest confirmed push carries the master's value: nothing older landed after it.
      expect(await latestPushesVersusMaster(f)).toEqual([]);
    }, 120_000);
  });
}
