import type { SyncStatus } from '@ballast/core';

/** What the engine reports for metrics and logs: one event per finished attempt. */
export interface SyncEvent {
  channelId: number;
  connectorId: string;
  productId: number;
  status: Exclude<SyncStatus, 'pending'>;
  /** Milliseconds from the first unpushed change to the channel's answer. */
  latencyMs: number;
}
