import type { Logger } from '@ballast/connector-kit';
import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { createStore, openDatabase } from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/auth/api-tokens.ts';
import { type RunningServer, type ServerConfig, startServer } from '../src/start-server.ts';
import { SYNC_LISTENER_APPLICATION_NAME } from '../src/sync/sync-listener.ts';
import { createSyncNotifier, SYNC_NOTIFY_CHANNEL } from '../src/sync/sync-notifier.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

// Workers this slow to poll only push within the deadline below when the api's NOTIFY wakes them.
const WORKER_POLL_MS = 30_000;
const WAKE_DEADLINE_MS = 5_000;

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
  };
  return { lines, debug() {}, info: record('info'), warn: record('warn'), error: record('error') };
}

describe('PostgreSQL: api writes wake sync workers in other processes by NOTIFY', { timeout: 60_000 }, () => {
  let t: TestDatabase;
  let api: RunningServer;
  let worker: RunningServer;
  const workerLog = recordingLogger();
  let sim: WebhookSimulator;
  let request: (method: string, path: string, body?: unknown) => Promise<unknown>;

  const listenerPids = async () =>
    (
      await sql<{ pid: number }>`select pid from pg_stat_activity
        where datname = current_database() and application_name = ${SYNC_LISTENER_APPLICATION_NAME}`.execute(
        t.db,
      )
    ).rows.map((row) => row.pid);

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const config: ServerConfig = {
      databaseUrl: t.url,
      host: '127.0.0.1',
      port: 0,
      role: 'api',
      secret: 'sync-notify-test-secret-0123456789',
      demo: false,
    };
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    api = await startServer(config, { handleSignals: false, logger: quiet, workerId: 'api-1' });
    worker = await startServer(
      { ...config, role: 'worker' },
      { handleSignals: false, logger: workerLog, workerId: 'worker-1', pollIntervalMs: WORKER_POLL_MS },
    );
    const store = await createStore(t.db, { name: 'Notify store' });
    const { secret: token } = await createApiToken(t.db, store.id, 'notify');
    request = async (method, path, body) => {
      const res = await fetch(`${api.url}/api/v1/stores/${store.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
      return JSON.parse(text);
    };
    const channel = await startSimulatorChannel();
    sim = channel.sim;
    sim.seed([{ sku: 'MUG', quantity: 0 }]);
    await request('POST', '/channels', { connectorId: 'webhook', name: 'Sim', config: channel.config });
    await request('POST', '/products', { sku: 'MUG', name: 'Mug', autoSync: true });
    await request('POST', '/adjustments', { reason: 'count', lines: [{ sku: 'MUG', set: 10 }] });
    await eventually(() => sim.quantityOf('MUG') === 10, 'the first push', WAKE_DEADLINE_MS);
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await sim?.close();
    await t?.drop();
  });

  it('an order through the api reaches the channel well within the worker poll interval', async () => {
    const started = Date.now();
    await request('POST', '/sales-orders', { number: 'SO-1', lines: [{ sku: 'MUG', quantity: 1 }] });
    await eventually(() => sim.quantityOf('MUG') === 9, 'the order’s push', WAKE_DEADLINE_MS);
    expect(Date.now() - started).toBeLessThan(WORKER_POLL_MS);
  });

  it('re-establishes a dropped LISTEN connection, and later orders still wake the worker', async () => {
    const [before] = await listenerPids();
    expect(before).toBeDefined();
    await sql`select pg_terminate_backend(${before})`.execute(t.db);
    await eventually(
      () => workerLog.lines.includes('info listening for sync notifications again'),
      'the LISTEN connection re-established',
      WAKE_DEADLINE_MS,
    );
    expect(workerLog.lines).toContain('warn lost the sync notification connection; reconnecting');
    const after = await listenerPids();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);

    // Twice: the wake on reconnect is spent, so only notifications on the new connection can wake the worker.
    for (const [number, expected] of [
      ['SO-2', 8],
      ['SO-3', 7],
    ] as const) {
      await request('POST', '/sales-orders', { number, lines: [{ sku: 'MUG', quantity: 1 }] });
      await eventually(() => sim.quantityOf('MUG') === expected, `${number}’s push`, WAKE_DEADLINE_MS);
    }
  });
});

describe('PostgreSQL: the sync notifier', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
  });
  afterAll(() => t.drop());

  it('sends one NOTIFY for a burst of writes, and one more for a write after it went out', async () => {
    const received: string[] = [];
    const listening = new pg.Client({ connectionString: t.url });
    await listening.connect();
    listening.on('notification', (message) => received.push(message.channel));
    await listening.query(`LISTEN ${SYNC_NOTIFY_CHANNEL}`);
    const notifier = createSyncNotifier({ db: t.db, logger: recordingLogger() });
    try {
      for (let i = 0; i < 20; i++) notifier.notify();
      await eventually(() => received.length === 1, 'the first NOTIFY', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([SYNC_NOTIFY_CHANNEL]);
      notifier.notify();
      await eventually(() => received.length === 2, 'the second NOTIFY', 5_000);
    } finally {
      await notifier.stop();
      await listening.end();
    }
  });

  it('a failed NOTIFY is logged once per run of failures and never reaches the caller', async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const unreachable = await openDatabase('postgres://postgres@127.0.0.1:1/nowhere', { migrate: false });
    const log = recordingLogger();
    const notifier = createSyncNotifier({ db: unreachable.db, logger: log, coalesceMs: 1 });
    for (let round = 0; round < 3; round++) {
      expect(() => notifier.notify()).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await notifier.stop();
    await unreachable.close();
    expect(log.lines).toEqual([
      'warn could not notify the sync workers; they find the work on their next poll',
    ]);
  });
});
