import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '@ballast/connector-kit';
import { createWriteLockReleaseBuffer, type OpenedDatabase, openDatabase } from '@ballast/core';
import { serveAdmin } from './admin/serve-admin.ts';
import { createApp } from './app.ts';
import { createSessionAuth } from './auth/session-auth.ts';
import { connectorRegistry } from './connectors/installed-connectors.ts';
import { startWalCheckpointer, type WalCheckpointer } from './db/wal-checkpointer.ts';
import { type RunningDemo, startDemo } from './demo/start-demo.ts';
import type { AppDeps } from './deps.ts';
import { startFeedScheduler } from './feeds/feed-scheduler.ts';
import { Metrics } from './metrics/metrics.ts';
import { registerMetrics } from './metrics/register-metrics.ts';
import { createSecretBox } from './secrets/secret-box.ts';
import { createConsoleLogger } from './start/console-logger.ts';
import { type DriftSweeper, startDriftSweeper } from './start/drift-sweeper.ts';
import { runAsLeader } from './start/leader-task.ts';
import { migrateDatabase } from './start/migrate-database.ts';
import { type HttpServer, serveHttp } from './start/serve-http.ts';
import { startSyncLoop } from './sync/start-sync-loop.ts';
import type { SyncControl } from './sync/sync-control.ts';
import { type SyncListener, startSyncListener } from './sync/sync-listener.ts';
import { createSyncNotifier, type SyncNotifier } from './sync/sync-notifier.ts';
import { syncSettingsOf } from './sync/sync-settings.ts';
import { registerWebhooks } from './webhooks/register-webhooks.ts';

export { migrateDatabase } from './start/migrate-database.ts';

export type ServerRole = 'all' | 'api' | 'worker';

/** What `startServer` needs of the configuration (`Config` from `config.ts` satisfies it). */
export interface ServerConfig {
  /** `sqlite:<file>` or `postgres://...`. */
  databaseUrl: string;
  host: string;
  port: number;
  /** `all`: API and sync loop in one process; `api` and `worker` split them across processes. */
  role: ServerRole;
  /** Encrypts channel credentials (every process on one database must share it). */
  secret: string;
  /** Seed the demo store and run the local web store simulator (role `all` only). */
  demo: boolean;
  /** Where browsers reach the server (links in the log, session cookies); default: the address it listens on. */
  publicUrl?: string;
  /** Origins allowed to send cookie-authenticated unsafe requests; default: the public URL's origin. */
  trustedOrigins?: readonly string[];
  /** `Secure` session cookies; default: when the public URL is https. */
  secureCookies?: boolean;
  /** Feed-style channels: first and repeated verdict polls this long after a push (default: the engine's, 60 s). */
  pendingPollIntervalMs?: number;
  /** Feed-style channels: a verdict missing this long is given up on (default: the engine's, 6 h). */
  pendingTimeoutMs?: number;
  /** Time between drift sweeps over the whole cluster (default 15 min; `options.driftSweepIntervalMs` wins). */
  driftSweepIntervalMs?: number;
  /** A SKU a channel's lookup did not find is looked up again once that answer is this old (engine default 1 h). */
  notListedRecheckMs?: number;
  /** After a partial batch a channel's lane waits this long for more changes (engine default 25 ms). */
  coalesceMs?: number;
  /** The least time between two looks for channels with work (engine default 10 ms). */
  minWakeGapMs?: number;
}

export interface StartServerOptions {
  logger?: Logger;
  /** Stop gracefully on SIGTERM / SIGINT (default true; tests running several servers in one process turn it off). */
  handleSignals?: boolean;
  /** Unique per process; default `<role>-<random>`. */
  workerId?: string;
  /**
   * How often an idle sync worker looks for work (default 100 ms). A write through the API skips the wait: in
   * its own process directly, in other processes on PostgreSQL by NOTIFY.
   */
  pollIntervalMs?: number;
  /** Time between drift sweeps over the whole cluster (default 15 min). */
  driftSweepIntervalMs?: number;
  /** How often the feed scheduler looks for due feeds (default 30 s). */
  feedCheckIntervalMs?: number;
  /** Time between demo orders, random in [min, max] ms (default 30–60 s). */
  demoOrderIntervalMs?: readonly [number, number];
  /** PostgreSQL connections per process (default 10). */
  poolSize?: number;
  /**
   * Run the sync loop in a worker thread of its own (default: in role `all` on a database file or PostgreSQL),
   * so request handling and pushes use separate cores.
   */
  syncThread?: boolean;
}

export interface RunningServer {
  role: ServerRole;
  /** Where HTTP is served (roles `api` and `all`). */
  url: string | undefined;
  deps: AppDeps;
  /** The sync loop (roles `worker` and `all`). */
  engine: SyncControl | undefined;
  demo: RunningDemo | undefined;
  /** Stops everything in order (HTTP, schedulers, sync loop, database). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a Ballast process: opens and migrates the database, then by role serves the HTTP API (`api`), runs
 * the sync loop with its drift sweep (`worker`), or both (`all`). A write through the API wakes the sync loop
 * at once: in its own process directly, and on PostgreSQL every process's loop by NOTIFY on `ballast_sync`
 * (so does a feed run).
 * Any number of `api` and `worker` processes may share one PostgreSQL database; on SQLite run one `all`
 * process (or one `api` and one `worker`, whose loop then finds the API's writes by polling).
 *
 * @example
 * const server = await startServer(loadConfig());
 * // ... later
 * await server.stop();
 */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createConsoleLogger();
  const { role } = config;
  const workerId = options.workerId ?? `${role}-${randomUUID().slice(0, 8)}`;
  const sqliteFile = /^postgres(ql)?:\/\//.test(config.databaseUrl)
    ? undefined
    : config.databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  // An empty path opens an in-memory database too (see openDatabase).
  const sqliteOnDisk = sqliteFile !== undefined && sqliteFile !== '' && sqliteFile !== ':memory:';
  if (sqliteOnDisk) mkdirSync(dirname(sqliteFile), { recursive: true });
  // A file database gets its WAL checkpoints from a thread of its own (see startWalCheckpointer).
  // The API's and the sync thread's connections tell each other when they release the write lock.
  const writeLockRelease = sqliteOnDisk ? createWriteLockReleaseBuffer() : undefined;
  const database = await openDatabase(config.databaseUrl, {
    migrate: false,
    backgroundCheckpoints: sqliteOnDisk,
    ...(writeLockRelease && { writeLockRelease }),
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  const { db } = database;
  let reader: OpenedDatabase | undefined;
  let checkpointer: WalCheckpointer | undefined;
  let http: HttpServer | undefined;
  let engine: SyncControl | undefined;
  let notifier: SyncNotifier | undefined;
  let listener: SyncListener | undefined;
  let sweeper: DriftSweeper | undefined;
  let feeds: { stop(): Promise<void> } | undefined;
  let demo: RunningDemo | undefined;
  let deps!: AppDeps;
  let removeSignalHandlers = () => {};

  // In this order: no new work comes in, work in flight finishes, then what it talks to goes away.
  const shutdown = async () => {
    const steps: [string, (() => Promise<void>) | undefined][] = [
      ['demo orders', demo && (() => demo!.stopActivity())],
      ['http', http && (() => http!.close())],
      ['sync listener', listener && (() => listener!.stop())],
      ['drift sweep', sweeper && (() => sweeper!.stop())],
      ['feed scheduler', feeds && (() => feeds!.stop())],
      // After the writers it serves (requests, feed runs), so their last NOTIFY still goes out.
      ['sync notifier', notifier && (() => notifier!.stop())],
      ['sync loop', engine && (() => engine!.stop())],
      ['demo simulator', demo && (() => demo!.closeSimulator())],
      ['database', () => database.close()],
      ['read connection', reader && (() => reader!.close())],
      ['WAL checkpointer', checkpointer && (() => checkpointer!.stop())],
    ];
    for (const [what, step] of steps) {
      await step?.().catch((error: unknown) =>
        logger.error(`error while stopping the ${what}`, { error: String(error) }),
      );
    }
    removeSignalHandlers();
  };

  try {
    await migrateDatabase(db);
    if (sqliteOnDisk) checkpointer = await startWalCheckpointer(sqliteFile, logger);
    // Token checks read beside the writer connection (see AppDeps.readDb); in memory there is one connection.
    if (sqliteOnDisk && role !== 'worker')
      reader = await openDatabase(config.databaseUrl, { readOnly: true });
    const secrets = createSecretBox(config.secret);
    const metrics = new Metrics({ db });
    if (role === 'all' || role === 'worker') {
      engine = await startSyncLoop({
        db,
        databaseUrl: config.databaseUrl,
        secret: config.secret,
        secrets,
        workerId,
        logger,
        onEvent: metrics.onSyncEvent,
        settings: syncSettingsOf({ ...config, pollIntervalMs: options.pollIntervalMs }),
        ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
        backgroundCheckpoints: sqliteOnDisk,
        ...(writeLockRelease && { writeLockRelease }),
        // With the API in the same process, the loop gets a thread (and a core) of its own. An in-memory
        // SQLite database cannot be opened from another thread.
        thread: options.syncThread ?? (role === 'all' && sqliteFile !== ':memory:'),
      });
    }
    const sync = engine;
    // On PostgreSQL the API's writes and feed runs wake the sync loops of every process, this one's included
    // when it has one.
    if (database.dialect === 'postgres') notifier = createSyncNotifier({ db, logger });
    const notifySync = () => {
      sync?.wake();
      notifier?.notify();
    };
    const publicUrl =
      config.publicUrl ??
      `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const sessions = createSessionAuth(db, database.dialect, {
      secret: config.secret,
      publicUrl,
      trustedOrigins: config.trustedOrigins ?? [new URL(publicUrl).origin],
      secureCookies: config.secureCookies ?? publicUrl.startsWith('https:'),
    });
    deps = {
      db,
      ...(reader && { readDb: reader.db }),
      dialect: database.dialect,
      connectors: connectorRegistry(),
      secrets,
      notifySync,
      resolveSession: sessions.resolvePrincipal,
      ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
      sessions,
      metrics,
      logger,
    };

    if (role === 'all' || role === 'api') {
      const app = createApp(deps, {
        logError: (error) => logger.error('request failed', { error: errorText(error) }),
        extend: (root) => {
          registerMetrics(root);
          registerWebhooks(root);
          const admin = serveAdmin(root);
          if (!admin.built)
            logger.warn('the admin is not built; pages answer 503 until it is', { distDir: admin.distDir });
        },
      });
      http = await serveHttp(app.fetch, config.host, config.port);
      logger.info('serving the API', { url: http.url, role, workerId });
    }
    // The demo first: on a restart it points the channel at this start's simulator, and a loop already running
    // could push to the last start's (gone) simulator in between and put its pairs into backoff.
    if (config.demo) {
      if (role === 'all' && http) {
        demo = await startDemo({
          deps,
          apiUrl: http.url,
          publicUrl: (config.publicUrl ?? http.url).replace(/\/$/, ''),
          engine: sync,
          serverSecret: config.secret,
          logger,
          ...(options.demoOrderIntervalMs && { orderIntervalMs: options.demoOrderIntervalMs }),
        });
      } else {
        logger.warn('demo mode needs ROLE=all (one process serving the API and syncing); not started', {
          role,
        });
      }
    }
    if (sync) {
      sync.start();
      if (database.dialect === 'postgres')
        listener = startSyncListener({
          databaseUrl: config.databaseUrl,
          onNotify: () => sync.wake(),
          logger,
        });
      sweeper = startDriftSweeper({
        db,
        engine: sync,
        intervalMs: options.driftSweepIntervalMs ?? config.driftSweepIntervalMs ?? 15 * 60_000,
        logger,
      });
      // Scheduled feeds are pulled by one worker of the cluster at a time.
      feeds = runAsLeader({
        db,
        name: 'feed-scheduler',
        holder: workerId,
        ttlMs: 30_000,
        logger,
        start: () =>
          startFeedScheduler({
            db,
            intervalMs: options.feedCheckIntervalMs ?? 30_000,
            secrets,
            notifySync,
            onStale: (notice) =>
              logger.warn('feed is stale: pushes of the stock it covers are held', { ...notice }),
            logError: (error, feed) =>
              logger.error('feed run failed', { feedId: feed?.id, error: errorText(error) }),
          }),
      });
      logger.info('sync worker running', { role, workerId });
    }
  } catch (error) {
    await shutdown();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= shutdown().then(() => logger.info('stopped', { role, workerId }));
    return stopping;
  };
  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info('shutting down', { signal });
      // A second signal while stopping means "now".
      process.once(signal, () => process.exit(1));
      void stop().then(() => {
        // Only fires if something (a keep-alive socket to a channel) still holds the event loop open.
        setTimeout(() => process.exit(), 10_000).unref();
      });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    removeSignalHandlers = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    };
  }
  return { role, url: http?.url, deps, engine, demo, stop };
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
