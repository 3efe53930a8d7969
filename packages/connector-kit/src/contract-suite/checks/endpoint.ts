import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../../contract/listing-ref.ts';
import { freshSku, type SuiteContext } from '../suite-context.ts';

/** A host that never resolves (RFC 2606), so only the override can reach the simulator. */
const UNREACHABLE = 'https://ballast-contract.invalid';

export function registerEndpointChecks<Schema extends z.ZodType, Ref extends ListingRef>(
  context: SuiteContext<Schema, Ref>,
): void {
  it('sends every call to the endpoint override', () =>
    context.withSimulator(async (sim) => {
      const connection = context.connect(sim, { baseUrl: UNREACHABLE, endpoint: sim.server.url });
      const [update] = await context.prepare(sim, connection, [
        { sku: freshSku('override'), quantity: 1, next: 3 },
      ]);
      const result = await connection.client.setQuantities([update!]);
      const [settled] = await context.settle(sim, connection, result.items);
      expect(settled?.status).toBe('ok');
      expect(sim.quantityOf(update!.sku)).toBe(3);
      expect(sim.server.requests.length).toBeGreaterThanOrEqual(2);
    }));
}
