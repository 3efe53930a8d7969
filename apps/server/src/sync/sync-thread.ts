import { Worker } from 'node:worker_threads';
import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import { type DriftSweepSummary, releaseClaimsOf, type SyncEvent } from '@ballast/sync-engine';
import { type RestartBackoff, restartBackoff } from './restart-backoff.ts';
import type { SyncControl } from './sync-control.ts';
import type { FromSyncThread, SyncThreadData, ToSyncThread } from './sync-thread-protocol.ts';
import { createWakeSignal } from './wake-signal.ts';

export interface SyncThreadOptions extends Omit<SyncThreadData, 'wakes'> {
  /** This thread's connection: frees what a thread that died had claimed. */
  db: Db;
  onEvent: (event: SyncEvent) => void;
  logger: Logger;
  /**
   * The pause before starting a thread that died again: `min` first, doubled for each death in a row up to
   * `max`; back to `min` once a thread ran for `max` (default 1 s to 1 min).
   */
  restartDelayMs?: { min: number; max: number };
  /** Sees every thread started, the first and each restart (tests end one to show a crash loses nothing). */
  onThread?: (thread: Worker) => void;
}

/**
 * Runs the sync loop in a worker thread with its own database connection. In a process that also serves the
 * API (role `all`), the loop's work (balances, history, connector calls) then runs beside request handling on
 * another core instead of between requests: pushes keep up under load and a large round (Auto Sync turned on
 * for a whole catalogue) never stalls the API. Crash safety is the loop's own: the outbox and leases live in
 * the database, so a thread that dies loses nothing; it is started again, after a pause that grows while the
 * threads keep dying (a database that cannot be opened must not turn into a loop of thread starts).
 * Fails when the first thread cannot start.
 */
export async function startSyncThread(options: SyncThreadOptions): Promise<SyncControl> {
  const { db, onEvent, logger, restartDelayMs, onThread, ...settings } = options;
  // One signal for every thread this starts: a restarted thread listens where its predecessor did.
  const wakeSignal = createWakeSignal();
  const data: SyncThreadData = { ...settings, wakes: wakeSignal.buffer };
  const sweeps = new Map<number, { resolve(s: DriftSweepSummary): void; reject(e: Error): void }>();
  const backoff: RestartBackoff = restartBackoff(restartDelayMs ?? { min: 1_000, max: 60_000 });
  let nextSweepId = 0;
  let started = false;
  let stopping: Promise<void> | undefined;
  let worker: Worker;
  let alive = false;
  /** Only a loop that once ran is restarted: a first start that fails is the caller's error. */
  let running = false;
  let restartTimer: NodeJS.Timeout | undefined;
  /** Freeing a dead thread's claims, which its successor waits for (it claims under the same id). */
  let releasing: Promise<void> | undefined;

  const post = (message: ToSyncThread) => {
    if (alive) worker.postMessage(message);
  };

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const thread = new Worker(new URL('./sync-thread-boot.mjs', import.meta.url), { workerData: data });
      worker = thread;
      alive = true;
      let readyAt: number | undefined;
      thread.on('message', (message: FromSyncThread) => {
        switch (message.type) {
          case 'ready':
            readyAt = Date.now();
            if (started) thread.postMessage({ type: 'start' } satisfies ToSyncThread);
            resolve();
            return;
          case 'events':
            for (const event of message.events) onEvent(event);
            return;
          case 'swept':
            sweeps.get(message.id)?.resolve(message.summary);
            sweeps.delete(message.id);
            return;
          case 'sweepFailed':
            sweeps.get(message.id)?.reject(new Error(message.message));
            sweeps.delete(message.id);
            return;
          case 'stopped':
            // Its loop and connections are closed; a library's leftover timer or socket must not keep the
            // thread (and so the process) alive.
            void thread.terminate();
            return;
        }
      });
      thread.once('error', (error) => {
        logger.error('sync thread failed', { error: error.stack ?? String(error) });
        reject(error);
      });
      thread.once('exit', (code) => {
        alive = false;
        reject(new Error(`the sync thread exited with code ${code} before it was ready`));
        for (const sweep of sweeps.values()) sweep.reject(new Error('the sync thread stopped'));
        sweeps.clear();
        if (stopping || !running) return;
        // Nothing is lost (the outbox is in the database); what the thread had claimed is freed at once, so
        // its pairs need not wait for their leases, and it is started again after a pause.
        const delayMs = backoff.next(readyAt === undefined ? 0 : Date.now() - readyAt);
        logger.error('sync thread exited; starting it again', { code, restartInMs: delayMs });
        releasing = releaseClaimsOf(db, data.workerId).then(
          () => {},
          (error: unknown) =>
            logger.warn('could not free the claims of the sync thread that exited; their leases run out', {
              error: String(error),
            }),
        );
        void releasing.then(() => {
          releasing = undefined;
          if (stopping) return;
          restartTimer = setTimeout(() => {
            restartTimer = undefined;
            if (!stopping) spawn().catch(() => {});
          }, delayMs);
          restartTimer.unref();
        });
      });
      onThread?.(thread);
    });

  await spawn();
  running = true;
  return {
    workerId: data.workerId,
    start() {
      started = true;
      post({ type: 'start' });
    },
    wake() {
      // Every write through the API wakes the loop (see wake-signal.ts for why not a message).
      wakeSignal.raise();
    },
    sweepDrift(channelId) {
      const id = nextSweepId++;
      return new Promise<DriftSweepSummary>((resolve, reject) => {
        if (!alive) return reject(new Error('the sync thread is restarting'));
        sweeps.set(id, { resolve, reject });
        post({ type: 'sweep', id, channelId });
      });
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        clearTimeout(restartTimer);
        // Between threads: the database the release writes to is closed after this.
        if (!alive) return void (releasing ?? Promise.resolve()).then(resolve);
        worker.once('exit', () => resolve());
        post({ type: 'stop' });
      });
      return stopping;
    },
  };
}
