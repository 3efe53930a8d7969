import type { SyncEngine } from '@ballast/sync-engine';

/** What the server drives of its sync loop, whether it runs in this thread or in a thread of its own. */
export type SyncControl = Pick<SyncEngine, 'workerId' | 'start' | 'stop' | 'wake' | 'sweepDrift'>;
