import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@ballast/connector-kit';

export interface WalCheckpointer {
  stop(): Promise<void>;
}

export const CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Copies the SQLite WAL into the database file from a thread of its own, every `intervalMs`. Left to
 * SQLite, the commit that pushes the WAL over its limit does the checkpoint, with two fsyncs, inside the
 * committing call: under load the API thread stopped for ~80 ms at a time, every request waiting. A PASSIVE
 * checkpoint runs beside readers and the writer, and waits for nobody. The server's connections are opened with
 * `backgroundCheckpoints` so that they leave the work to this thread.
 */
export async function startWalCheckpointer(
  file: string,
  logger: Logger,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Promise<WalCheckpointer> {
  const worker = new Worker(new URL('./wal-checkpointer-thread.mjs', import.meta.url), {
    workerData: { file, intervalMs },
  });
  let failures = 0;
  worker.on('message', (error: string) => {
    // One line per failure would flood the log every second: the first, then every hundredth.
    if (failures++ % 100 === 0) logger.warn('WAL checkpoint failed', { error, failures });
  });
  const exited = once(worker, 'exit');
  worker.on('error', (error) => logger.error('the WAL checkpointer stopped', { error: String(error) }));
  await once(worker, 'online');
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop');
        await exited;
      })();
      return stopping;
    },
  };
}
