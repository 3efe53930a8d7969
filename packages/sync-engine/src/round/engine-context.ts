import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import type { ChannelConnections } from '../clients/channel-connections.ts';
import type { PendingSettings } from '../pending/pending-settings.ts';
import type { SharedRateLimiter } from '../rate/shared-rate-limiter.ts';
import type { BackoffPolicy } from '../retry/backoff.ts';
import type { SyncEvent } from './sync-event.ts';

/** Everything one round needs, built once by the engine. */
export interface EngineContext {
  db: Db;
  workerId: string;
  connections: ChannelConnections;
  limiter: SharedRateLimiter;
  backoff: BackoffPolicy;
  leaseMs: number;
  /** Transient failures in a row after which a pair is marked failed and left until its next change. */
  maxAttempts: number;
  /** How long a lookup that did not find a SKU on the channel stands before the SKU is looked up again. */
  notListedRecheckMs: number;
  /** Polling and timing out the verdicts of feed-style channels. */
  pending: PendingSettings;
  logger: Logger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onEvent: (event: SyncEvent) => void;
}
