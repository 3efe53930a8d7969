import { expect } from 'vitest';
import type { Capabilities } from '../contract/capabilities.ts';
import type { Connection } from '../contract/define-connector.ts';
import type { ListingRef } from '../contract/listing-ref.ts';
import type { ItemResult } from '../contract/quantity-update.ts';
import type { ContractSimulator } from '../testing/harness.ts';

/** Polls this often at most: a simulator that processed everything answers every verdict on the first poll. */
const MAX_POLLS = 5;

/**
 * Resolves the `pending` items of a call's results: the simulator finishes what it accepted, then the
 * connector polls the handles. Results that were final already are returned as they were.
 */
export async function settleResults<Ref extends ListingRef>(
  capabilities: Capabilities,
  sim: ContractSimulator,
  connection: Connection<Ref>,
  results: readonly ItemResult[],
): Promise<ItemResult[]> {
  let current = [...results];
  if (!current.some((r) => r.status === 'pending')) return current;
  expect(capabilities.pendingResults, 'a pending result needs the pendingResults capability').toBe(true);
  expect(sim.processPending, 'a feed-style simulator must implement processPending').toBeDefined();
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const handles = current.flatMap((r) => (r.status === 'pending' ? [r.handle] : []));
    if (handles.length === 0) break;
    sim.processPending!();
    const resolutions = await connection.client.pollPending!(handles);
    const byHandle = new Map(resolutions.map((r) => [r.handle, r.outcome]));
    current = current.map((r) => {
      const outcome = r.status === 'pending' ? byHandle.get(r.handle) : undefined;
      return outcome ? { ...outcome, key: r.key } : r;
    });
  }
  return current;
}
