import { Worker } from 'node:worker_threads';
import type { Logger } from '@ballast/connector-kit';
import type { DriftSweepSummary, SyncEvent } from '@ballast/sync-engine';
import type { SyncControl } from './sync-control.ts';
import type { FromSyncThread, SyncThreadData, ToSyncThread } from './sync-thread-protocol.ts';

export interface SyncThreadOptions extends SyncThreadData {
  onEvent: (event: SyncEvent) => void;
  logger: Logger;
}

/**
 * Runs the sync loop in a worker thread with its own database connection. In a process that also serves the
 * API (role `all`), the loop's work (balances, history, connector calls) then runs beside request handling on
 * another core instead of between requests: pushes keep up under load and a large round (Auto Sync turned on
 * for a whole catalogue) never stalls the API. Crash safety is the loop's own: the outbox and leases live in
 * the database, so a thread that dies loses nothing; it is started again.
 */
export async function startSyncThread(options: SyncThreadOptions): Promise<SyncControl> {
  const { onEvent, logger, ...data } = options;
  const sweeps = new Map<number, { resolve(s: DriftSweepSummary): void; reject(e: Error): void }>();
  let nextSweepId = 0;
  let started = false;
  let stopping: Promise<void> | undefined;
  let worker: Worker;
  let wakeQueued = false;
  let alive = false;

  const post = (message: ToSyncThread) => {
    if (alive) worker.postMessage(message);
  };

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const thread = new Worker(new URL('./sync-thread-boot.mjs', import.meta.url), { workerData: data });
      worker = thread;
      alive = true;
      thread.on('message', (message: FromSyncThread) => {
        switch (message.type) {
          case 'ready':
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
        for (const sweep of sweeps.values()) sweep.reject(new Error('the sync thread stopped'));
        sweeps.clear();
        if (stopping) return;
        // Nothing is lost (the outbox and leases are in the database); start it again after a pause.
        logger.error('sync thread exited; starting it again', { code });
        setTimeout(() => {
          if (!stopping) spawn().catch(() => {});
        }, RESTART_DELAY_MS).unref();
      });
    });

  await spawn();
  return {
    workerId: data.workerId,
    start() {
      started = true;
      post({ type: 'start' });
    },
    wake() {
      // Every write through the API wakes the loop: one message per turn of the event loop is enough.
      if (wakeQueued) return;
      wakeQueued = true;
      setImmediate(() => {
        wakeQueued = false;
        post({ type: 'wake' });
      });
    },
    sweepDrift(channelId) {
      const id = nextSweepId++;
      return new Promise<DriftSweepSummary>((resolve, reject) => {
        sweeps.set(id, { resolve, reject });
        post({ type: 'sweep', id, channelId });
      });
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (!alive) return resolve();
        worker.once('exit', () => resolve());
        post({ type: 'stop' });
      });
      return stopping;
    },
  };
}

const RESTART_DELAY_MS = 1_000;
