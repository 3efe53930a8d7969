import type { Connection, ConnectorContextInput, QuantityUpdate } from '@ballast/connector-kit';
import { afterEach } from 'vitest';
import { type WooConfigInput, type WooListingRef, wooConnector } from '../../src/index.ts';
import { startWooSimulator, type WooSimulator, type WooSimulatorOptions } from '../../src/simulator/index.ts';
import { credentials } from '../fixtures.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A simulator closed after the test. */
export async function simulator(options: WooSimulatorOptions = {}): Promise<WooSimulator> {
  const sim = await startWooSimulator(options);
  closers.push(() => sim.close());
  return sim;
}

/** A connection to the simulator: OAuth for a plain-HTTP simulator, Basic otherwise. */
export function connect(
  sim: WooSimulator,
  config: Partial<WooConfigInput> = {},
  ctx: ConnectorContextInput = {},
  https = true,
): Connection<WooListingRef> {
  return wooConnector.connect(
    {
      siteUrl: sim.url,
      authMode: https ? 'basic' : 'oauth1',
      ...credentials,
      requestsPerSecond: 100,
      burst: 100,
      ...config,
    },
    { timeoutMs: 2_000, ...ctx },
  );
}

/** An update for a listing found by the connector's own lookup. */
export function update(
  sku: string,
  listingRef: WooListingRef,
  quantity: number,
  key = `k-${sku}`,
): QuantityUpdate<WooListingRef> {
  return { key, listingRef, sku, quantity, idempotencyKey: `i-${sku}-${quantity}` };
}

/** Parsed JSON bodies of the batch requests the simulator received. */
export function batchBodies(
  sim: WooSimulator,
): { path: string; body: { update: Record<string, unknown>[] } }[] {
  return sim.server.requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/batch'))
    .map((r) => ({ path: r.path, body: JSON.parse(r.body) as { update: Record<string, unknown>[] } }));
}
