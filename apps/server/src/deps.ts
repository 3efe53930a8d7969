import type { AnyConnectorDefinition, Logger } from '@ballast/connector-kit';
import type { Db, DialectName, SecretBox } from '@ballast/core';
import type { PrincipalResolver } from './auth/principal.ts';
import type { SessionAuth } from './auth/session-auth.ts';
import type { Metrics } from './metrics/metrics.ts';

/** What the HTTP layer needs from the rest of the process; built once at start (see `start-server.ts`). */
export interface AppDeps {
  db: Db;
  /**
   * For reads every request makes before its work (the API token): on SQLite a second, read-only connection,
   * so they do not queue behind a transaction that holds the writer connection (or waits for the write lock).
   * Absent: `db`.
   */
  readDb?: Db;
  dialect: DialectName;
  /** Installed channel connectors, by id. */
  connectors: ReadonlyMap<string, AnyConnectorDefinition>;
  /** Encrypts channel and feed credentials at rest. */
  secrets: SecretBox;
  /**
   * Tells the sync loops that there is new work: this process's own (if any) and, on PostgreSQL, every other
   * process's, by `NOTIFY ballast_sync`. Call after the write committed.
   */
  notifySync(): void;
  /** Resolves a signed-in admin user from the request's session cookie (absent: API tokens only). */
  resolveSession?: PrincipalResolver;
  /** Merchant users' sign-in, sign-out and session view for the /auth routes (absent: they answer 404). */
  sessions?: SessionAuth;
  /** Prometheus metrics served at /metrics by `registerMetrics` (absent: no metrics). */
  metrics?: Metrics;
  /** Where routes log what is not an error response (a refused webhook, an order that could not be recorded). */
  logger?: Logger;
  /** Where channels and browsers reach this server (webhook URLs shown to merchants); default: the request's origin. */
  publicUrl?: string;
}

/** Core's: core seals and opens feed credentials with the box it is handed. */
export type { SecretBox } from '@ballast/core';
