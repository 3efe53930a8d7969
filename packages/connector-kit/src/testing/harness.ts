import type { z } from 'zod';
import type { ConnectorDefinition } from '../contract/define-connector.ts';
import type { ListingRef } from '../contract/listing-ref.ts';
import type { WebhookRequest } from '../contract/order.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { SimServer } from './sim-server.ts';

/** An item the simulator holds. */
export interface SimItem {
  readonly sku: string;
  readonly quantity: number;
}

/** An order for the simulator to deliver as a signed webhook. */
export interface SimOrder {
  readonly id: string;
  readonly lines: readonly SimItem[];
}

/** A running simulator, as the contract suite drives it. */
export interface ContractSimulator {
  /** Its HTTP server: URL, fault injector, request log. */
  readonly server: SimServer;
  /** Enforces the limits the connector's config declares; the suite reads its counters. */
  readonly rateLimiter: RateLimiter;
  /** Creates items (replacing any with the same SKU). */
  seed(items: readonly SimItem[]): void;
  /** What the channel shows for a SKU; `undefined` when it has no such item. */
  quantityOf(sku: string): number | undefined;
  /** A change made on the channel's side (a manual edit in its admin). */
  setQuantity(sku: string, quantity: number): void;
  /** A signed order delivery as the channel sends it; required when the connector declares `orderWebhooks`. */
  signedOrderWebhook?(order: SimOrder): WebhookRequest;
  /**
   * Feed-style channels: finishes every batch accepted so far (applies what passes, records what fails), so
   * that polling gets final verdicts. Required when the connector declares `pendingResults`.
   */
  processPending?(): void;
  close(): Promise<void>;
}

/**
 * What a connector package gives the contract suite: its definition, how to start its simulator, and a
 * config that points at a base URL.
 *
 * @example
 * ```ts
 * describeConnectorContract({
 *   definition: webhookConnector,
 *   startSimulator: () => startWebhookSimulator({ secret, requestsPerSecond: 40, burst: 4 }),
 *   config: (baseUrl) => ({ endpointUrl: `${baseUrl}/inventory`, signingSecret: secret, requestsPerSecond: 40, burst: 4 }),
 * });
 * ```
 */
export interface ConnectorContractHarness<Schema extends z.ZodType, Ref extends ListingRef> {
  readonly definition: ConnectorDefinition<string, Schema, Ref>;
  /** Starts a fresh simulator that enforces the same limits `config` declares. */
  startSimulator(): Promise<ContractSimulator>;
  /**
   * Config for a connector whose channel lives at `baseUrl`: the simulator's URL, or, in the endpoint
   * override check, a host that does not resolve.
   */
  config(baseUrl: string): z.input<Schema>;
}

export interface ContractSuiteOptions {
  /** Told apart in the report when one connector runs the suite under several configs. */
  readonly label?: string;
  /** Per-request timeout the connector gets in the suite; the hang check waits this long (default 500 ms). */
  readonly timeoutMs?: number;
  /** Longest the throttling check may spend waiting on the pacer (default 5 s). */
  readonly maxPacingMs?: number;
}
