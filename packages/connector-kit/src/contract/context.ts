import type { Clock } from '../rate/clock.ts';
import type { Logger } from './logger.ts';

/**
 * What the host hands a connector when it creates a client. Everything that touches the outside world is
 * here, so tests and sandboxes can replace it.
 */
export interface ConnectorContext {
  /** All HTTP goes through this (never the global), so it can be swapped. */
  readonly fetch: typeof fetch;
  /**
   * Base URL that replaces the channel's own host (a sandbox or the connector's simulator). Every connector
   * must honour it; `withEndpoint` does the URL arithmetic.
   */
  readonly endpoint?: string;
  /** Aborts every call in flight (shutdown). */
  readonly signal?: AbortSignal;
  /** Default per-request timeout. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** What a caller may pass; missing fields get defaults (global fetch, 30 s, silent logger, system clock). */
export type ConnectorContextInput = Partial<ConnectorContext>;
