import type { DriftSweepSummary, SyncEvent } from '@ballast/sync-engine';
import type { SyncSettings } from './sync-settings.ts';

/** What the sync thread is started with: plain data (a thread shares no objects with the one that starts it). */
export interface SyncThreadData {
  databaseUrl: string;
  secret: string;
  workerId: string;
  poolSize?: number;
  /** Open the thread's SQLite connection with `backgroundCheckpoints`. */
  backgroundCheckpoints?: boolean;
  /** The process's write-lock release signal (a SharedArrayBuffer is shared with the thread, not copied). */
  writeLockRelease?: SharedArrayBuffer;
  /** The engine's timing; the thread builds connectors and credentials itself. */
  settings: SyncSettings;
  /** The wake signal's shared counter (see wake-signal.ts). */
  wakes: SharedArrayBuffer;
}

export type ToSyncThread =
  | { type: 'start' }
  | { type: 'sweep'; id: number; channelId: number }
  | { type: 'stop' };

export type FromSyncThread =
  | { type: 'ready' }
  | { type: 'events'; events: SyncEvent[] }
  | { type: 'swept'; id: number; summary: DriftSweepSummary }
  | { type: 'sweepFailed'; id: number; message: string }
  | { type: 'stopped' };
