import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LogFields, Logger } from '@ballast/connector-kit';
import { SIMULATOR_PATHS, type WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { adjustStock, createChannel, createProduct, createStore, type Store } from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealChannelConfig } from '../src/connectors/channel-config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import type { SyncControl } from '../src/sync/sync-control.ts';
import { type SyncThreadOptions, startSyncThread } from '../src/sync/sync-thread.ts';
import { eventually } from './e2e/support/store-api.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

const SECRET = 'sync-thread-restart-test-secret-0123';
const SKUS = Array.from({ length: 10 }, (_, i) => `SKU-${i + 1}`);

function recordingLogger(): Logger & { lines: { level: string; message: string; fields: LogFields }[] } {
  const lines: { level: string; message: string; fields: LogFields }[] = [];
  const record =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      lines.push({ level, message, fields });
    };
  return { lines, debug() {}, info: record('info'), warn: record('warn'), error: record('error') };
}

/**
 * The sync thread of a role `all` process dies (ended from outside, as a fatal error or an out-of-memory
 * would): it is started again, and what the dead thread had claimed or never saw is pushed all the same.
 */
describe('the sync thread, when it dies', { timeout: 120_000 }, () => {
  let dir: string;
  let file: string;
  let t: TestDatabase;
  let store: Store;
  let sim: WebhookSimulator;
  let control: SyncControl | undefined;
  let threads: { thread: Worker; at: number }[];
  let log: ReturnType<typeof recordingLogger>;
  let channelId: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-sync-thread-'));
    file = join(dir, 'ballast.db');
    t = await createTestDatabase('sqlite', { file });
    store = await createStore(t.db, { name: 'Restart store' });
    const channel = await startSimulatorChannel();
    sim = channel.sim;
    sim.seed(SKUS.map((sku) => ({ sku, quantity: 0 })));
    ({ id: channelId } = await createChannel(t.db, store.id, {
      connectorId: 'webhook',
      name: 'Sim',
      // A push the simulator holds must still be in flight when the thread is ended, however busy the machine.
      configCiphertext: sealChannelConfig(createSecretBox(SECRET), { ...channel.config, timeoutMs: 60_000 }),
    }));
    for (const sku of SKUS) await createProduct(t.db, store.id, { sku, name: sku, autoSync: true });
    await adjustStock(t.db, store.id, { reason: 'count', lines: SKUS.map((sku) => ({ sku, set: 10 })) });
    threads = [];
    log = recordingLogger();
  });
  afterEach(async () => {
    await control?.stop();
    control = undefined;
    await sim.close();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (options: Partial<SyncThreadOptions> = {}) => {
    control = await startSyncThread({
      db: t.db,
      databaseUrl: `sqlite:${file}`,
      secret: SECRET,
      workerId: 'all-restart-test',
      settings: { pollIntervalMs: 20 },
      onEvent: () => {},
      logger: log,
      restartDelayMs: { min: 50, max: 1_000 },
      onThread: (thread) => threads.push({ thread, at: Date.now() }),
      ...options,
    });
    control.start();
    return control;
  };
  const quantities = () => SKUS.map((sku) => sim.quantityOf(sku));
  const outbox = async () => (await t.db.selectFrom('syncDirty').select('productId').execute()).length;
  /** Every SKU at `expected` on the channel and nothing left to push. */
  const converged = (expected: number[], timeoutMs = 20_000) =>
    eventually(
      async () => quantities().join() === expected.join() && (await outbox()) === 0,
      () => `channel ${quantities().join()}, expected ${expected.join()}`,
      timeoutMs,
    );
  const sell = async (skus: readonly string[]) => {
    await adjustStock(t.db, store.id, { reason: 'sold', lines: skus.map((sku) => ({ sku, delta: -1 })) });
    control!.wake();
  };
  const restarts = () => log.lines.filter((l) => l.message === 'sync thread exited; starting it again');

  it('is started again, pushes what it had claimed and what changed while it was down, and loses no pair', async () => {
    const sync = await start();
    await converged(SKUS.map(() => 10));

    // The next push hangs at the channel: the thread is ended while it holds the claims of the pairs.
    sim.server.faults.next({ kind: 'hang' }, { method: 'POST', path: SIMULATOR_PATHS.inventory });
    await sell(SKUS.slice(0, 5));
    await eventually(
      () => sim.server.requests.some((r) => r.outcome?.kind === 'hang'),
      () => 'no push in flight',
    );
    const claimed = await t.db.selectFrom('syncDirty').select('claimedBy').execute();
    expect(claimed.map((row) => row.claimedBy)).toEqual(SKUS.slice(0, 5).map(() => 'all-restart-test'));
    await threads[0]!.thread.terminate();
    await expect(sync.sweepDrift(channelId)).rejects.toThrow(/restarting/);
    // Written while no thread runs: the wake is lost, the mark is not.
    await sell(SKUS.slice(5));

    // Well within the 30 s lease the dead thread's claims would otherwise hold the pairs for.
    await converged(
      SKUS.map(() => 9),
      15_000,
    );
    expect(threads).toHaveLength(2);
    expect(restarts().map((l) => l.fields.restartInMs)).toEqual([50]);
    // The push cut short is closed in Sync History, and a new attempt pushed the value.
    const history = await t.db
      .selectFrom('syncHistory')
      .select(['status', 'errorCode'])
      .where('errorCode', '=', 'interrupted')
      .execute();
    expect(history).toEqual(SKUS.slice(0, 5).map(() => ({ status: 'retrying', errorCode: 'interrupted' })));
    expect(
      await t.db.selectFrom('syncHistory').select('id').where('status', '=', 'pending').execute(),
    ).toEqual([]);

    // And again: the restarted thread is restarted too.
    await threads[1]!.thread.terminate();
    await sell(SKUS);
    await converged(
      SKUS.map(() => 8),
      15_000,
    );
    expect(threads).toHaveLength(3);
  });

  it('backs off while new threads keep dying, stops in a pause, and starts over after a healthy run', async () => {
    let dying = false;
    const sync = await start({
      restartDelayMs: { min: 50, max: 400 },
      onThread: (thread) => {
        threads.push({ thread, at: Date.now() });
        // As a thread would that cannot open its database: it dies before it is ready.
        if (dying) void thread.terminate();
      },
    });
    await converged(SKUS.map(() => 10));

    dying = true;
    await threads[0]!.thread.terminate();
    await eventually(
      () => restarts().length >= 6,
      () => `${restarts().length} restarts`,
    );
    dying = false;
    // The thread that lives pushes what changed meanwhile.
    await sell(SKUS);
    await converged(SKUS.map(() => 9));

    const pauses = restarts().map((l) => l.fields.restartInMs as number);
    expect(pauses.slice(0, 6)).toEqual([50, 100, 200, 400, 400, 400]);
    expect(threads).toHaveLength(pauses.length + 1);
    // Each thread started no sooner than its pause after the one before (one that spins would not wait).
    for (const [i, pause] of pauses.entries()) {
      expect(threads[i + 1]!.at - threads[i]!.at).toBeGreaterThanOrEqual(pause - 5);
    }
    const healthy = threads.length;
    await new Promise((resolve) => setTimeout(resolve, 400));

    // After a run that long, a death starts the pauses over; stopping in a pause starts nothing more.
    dying = true;
    await threads.at(-1)!.thread.terminate();
    await eventually(
      () => threads.length > healthy,
      () => `${threads.length} threads`,
    );
    expect(restarts()[pauses.length]?.fields.restartInMs).toBe(50);
    await sync.stop();
    const threadsAtStop = threads.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(threads).toHaveLength(threadsAtStop);
  });

  it('fails to start when its first thread cannot, and leaves no thread restarting', async () => {
    await expect(start({ databaseUrl: `sqlite:${join(dir, 'missing', 'ballast.db')}` })).rejects.toThrow(
      /directory does not exist/,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(threads).toHaveLength(1);
    expect(restarts()).toEqual([]);
  });
});
