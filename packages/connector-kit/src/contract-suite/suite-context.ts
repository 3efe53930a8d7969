import type { z } from 'zod';
import type { Capabilities } from '../contract/capabilities.ts';
import type { Connection } from '../contract/define-connector.ts';
import type { ListingRef } from '../contract/listing-ref.ts';
import type { ItemResult, QuantityUpdate } from '../contract/quantity-update.ts';
import type { ConnectorContractHarness, ContractSimulator, SimItem } from '../testing/harness.ts';

/** What every group of checks shares: the harness, the declared capabilities and small helpers. */
export interface SuiteContext<Schema extends z.ZodType, Ref extends ListingRef> {
  readonly harness: ConnectorContractHarness<Schema, Ref>;
  readonly capabilities: Capabilities;
  readonly timeoutMs: number;
  readonly maxPacingMs: number;
  /** Runs `fn` against a fresh simulator and closes it afterwards. */
  withSimulator(fn: (sim: ContractSimulator) => Promise<void>): Promise<void>;
  /** Connects to the simulator (or to `baseUrl` with `endpoint` as the override). */
  connect(
    sim: ContractSimulator,
    options?: { readonly baseUrl?: string; readonly endpoint?: string },
  ): Connection<Ref>;
  /** Seeds items and returns one update per item (listing refs from the connector's own lookup). */
  prepare(
    sim: ContractSimulator,
    connection: Connection<Ref>,
    items: readonly (SimItem & { readonly next: number })[],
  ): Promise<QuantityUpdate<Ref>[]>;
  /**
   * The final results of a call: `pending` items are resolved by letting the simulator process what it
   * accepted and polling their handles. A `pending` result from a connector that does not declare
   * `pendingResults` fails the check.
   */
  settle(
    sim: ContractSimulator,
    connection: Connection<Ref>,
    results: readonly ItemResult[],
  ): Promise<ItemResult[]>;
}

let unique = 0;

/** A SKU no other check uses, so simulators and idempotency caches never collide. */
export function freshSku(label: string): string {
  unique += 1;
  return `CT-${label}-${unique}`;
}
