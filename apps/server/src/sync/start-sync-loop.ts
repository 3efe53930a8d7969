import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import { createSyncEngine, type SyncEvent } from '@ballast/sync-engine';
import { channelConfigResolver } from '../connectors/channel-config.ts';
import { installedConnectors } from '../connectors/installed-connectors.ts';
import type { SecretBox } from '../deps.ts';
import type { SyncControl } from './sync-control.ts';
import type { SyncSettings } from './sync-settings.ts';
import { startSyncThread } from './sync-thread.ts';

export interface SyncLoopOptions {
  /** The process's own connection (used when the loop runs in this thread). */
  db: Db;
  databaseUrl: string;
  secret: string;
  secrets: SecretBox;
  workerId: string;
  logger: Logger;
  onEvent: (event: SyncEvent) => void;
  /** The engine's timing, the same wherever the loop runs. */
  settings: SyncSettings;
  poolSize?: number;
  /** SQLite file: the process's WAL checkpointer does the checkpoints (see startWalCheckpointer). */
  backgroundCheckpoints?: boolean;
  /** SQLite file: shared with the process's other connections (see WriteLockRelease in core). */
  writeLockRelease?: SharedArrayBuffer;
  /** Run the loop in a worker thread of its own (see startSyncThread). */
  thread: boolean;
}

/** The sync loop of a `worker` or `all` process, in this thread or in its own (not started yet). */
export async function startSyncLoop(options: SyncLoopOptions): Promise<SyncControl> {
  const { db, databaseUrl, secret, secrets, workerId, logger, onEvent, settings, poolSize } = options;
  if (options.thread) {
    return startSyncThread({
      db,
      databaseUrl,
      secret,
      workerId,
      settings,
      onEvent,
      logger,
      ...(poolSize !== undefined && { poolSize }),
      backgroundCheckpoints: options.backgroundCheckpoints === true,
      ...(options.writeLockRelease && { writeLockRelease: options.writeLockRelease }),
    });
  }
  return createSyncEngine({
    db,
    connectors: installedConnectors,
    resolveChannelConfig: channelConfigResolver(secrets),
    workerId,
    logger,
    onEvent,
    ...settings,
  });
}
