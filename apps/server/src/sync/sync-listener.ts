import type { Logger } from '@ballast/connector-kit';
import pg from 'pg';
import { SYNC_NOTIFY_CHANNEL } from './sync-notifier.ts';

/** How the LISTEN connection shows in `pg_stat_activity` (operators and tests find it by this). */
export const SYNC_LISTENER_APPLICATION_NAME = 'ballast-sync-listener';

export interface SyncListenerOptions {
  /** A `postgres://` URL. */
  databaseUrl: string;
  /** Called on every notification, and after each (re)connect for what was written while not listening. */
  onNotify: () => void;
  logger: Logger;
  /** First wait before reconnecting; doubles per failed attempt up to `maxBackoffMs` (default 100 ms, 5 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface SyncListener {
  stop(): Promise<void>;
}

/**
 * Keeps one dedicated PostgreSQL connection LISTENing on the sync channel (see `createSyncNotifier`), so a
 * write through any api process wakes this process's sync loop at once instead of on its next poll. A lost
 * connection is re-established with backoff; meanwhile the poll keeps finding the work.
 */
export function startSyncListener(options: SyncListenerOptions): SyncListener {
  const { databaseUrl, onNotify, logger, minBackoffMs = 100, maxBackoffMs = 5_000 } = options;
  let stopped = false;
  let client: pg.Client | undefined;
  let cancelWait = () => {};
  // Stopping must never wait on a connection attempt or a lost-connection wait: pg may settle neither once
  // the client is ended midway (seen when a server stopped right after it started).
  let signalStop = () => {};
  const stopSignal = new Promise<'stopped'>((resolve) => {
    signalStop = () => resolve('stopped');
  });

  // Resolves once listening, with `lost` (wrapped: an async function returning a promise would wait for it).
  const listen = async (listener: pg.Client): Promise<{ lost: Promise<unknown> }> => {
    const lost = new Promise<unknown>((resolve) => {
      listener.on('error', resolve);
      listener.on('end', () => resolve(new Error('the connection ended')));
    });
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.channel === SYNC_NOTIFY_CHANNEL) onNotify();
    });
    await listener.query(`LISTEN ${SYNC_NOTIFY_CHANNEL}`);
    return { lost };
  };

  const run = async () => {
    let backoffMs = minBackoffMs;
    let lostBefore = false;
    while (!stopped) {
      client = new pg.Client({
        connectionString: databaseUrl,
        application_name: SYNC_LISTENER_APPLICATION_NAME,
      });
      try {
        const listening = await Promise.race([listen(client), stopSignal]);
        if (listening === 'stopped') return;
        if (lostBefore) logger.info('listening for sync notifications again');
        backoffMs = minBackoffMs;
        onNotify();
        const error = await Promise.race([listening.lost, stopSignal]);
        if (stopped) return;
        lostBefore = true;
        logger.warn('lost the sync notification connection; reconnecting', { error: String(error) });
      } catch (error) {
        if (stopped) return;
        lostBefore = true;
        logger.warn('could not listen for sync notifications; retrying', {
          error: String(error),
          retryInMs: backoffMs,
        });
      }
      await closeQuietly(client);
      if (stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffMs);
        cancelWait = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    }
  };
  const running = run();

  return {
    async stop() {
      stopped = true;
      signalStop();
      cancelWait();
      if (client) await closeQuietly(client);
      await running;
    },
  };
}

/** Ends a client whatever state it is in: `end()` on a connection the server already dropped may never settle. */
async function closeQuietly(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.end().catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 1_000);
    }),
  ]);
  clearTimeout(timer);
}
