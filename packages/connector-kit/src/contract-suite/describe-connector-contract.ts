import { describe, expect } from 'vitest';
import type { z } from 'zod';
import type { ListingRef } from '../contract/listing-ref.ts';
import type { QuantityUpdate } from '../contract/quantity-update.ts';
import type { ConnectorContractHarness, ContractSuiteOptions } from '../testing/harness.ts';
import { registerBatchingChecks } from './checks/batching.ts';
import { registerConsistencyChecks } from './checks/consistency.ts';
import { registerEndpointChecks } from './checks/endpoint.ts';
import { registerFailureChecks } from './checks/failures.ts';
import { registerPendingResultChecks } from './checks/pending-results.ts';
import { registerReadBackChecks } from './checks/read-back.ts';
import { registerThrottlingChecks } from './checks/throttling.ts';
import { registerWebhookChecks } from './checks/webhooks.ts';
import { settleResults } from './settle-results.ts';
import type { SuiteContext } from './suite-context.ts';

/**
 * Registers the connector contract checks as vitest `describe`/`it` blocks. Call it at the top level of a
 * connector's test file; checks the connector's capabilities rule out are registered as skipped, so the
 * report shows what was not exercised.
 *
 * @example
 * ```ts
 * // connectors/acme/test/contract.test.ts
 * import { describeConnectorContract } from '@ballast/connector-kit/contract-suite';
 * describeConnectorContract(acmeHarness);
 * ```
 */
export function describeConnectorContract<Schema extends z.ZodType, Ref extends ListingRef>(
  harness: ConnectorContractHarness<Schema, Ref>,
  options: ContractSuiteOptions = {},
): void {
  const { definition } = harness;
  // Capabilities may depend on config; they do not depend on where the channel lives.
  const capabilities = definition.capabilitiesFor(
    definition.parseConfig(harness.config('http://127.0.0.1:9')),
  );
  const timeoutMs = options.timeoutMs ?? 500;

  const context: SuiteContext<Schema, Ref> = {
    harness,
    capabilities,
    timeoutMs,
    maxPacingMs: options.maxPacingMs ?? 5_000,
    async withSimulator(fn) {
      const sim = await harness.startSimulator();
      try {
        await fn(sim);
      } finally {
        await sim.close();
      }
    },
    connect(sim, connectOptions = {}) {
      return definition.connect(harness.config(connectOptions.baseUrl ?? sim.server.url), {
        timeoutMs,
        ...(connectOptions.endpoint === undefined ? {} : { endpoint: connectOptions.endpoint }),
      });
    },
    async prepare(sim, connection, items) {
      sim.seed(items);
      const matches = await connection.client.lookupListings(items.map((item) => item.sku));
      return items.map((item, index): QuantityUpdate<Ref> => {
        const match = matches.find((m) => m.sku === item.sku);
        expect(match, `lookupListings found ${item.sku}`).toBeDefined();
        return {
          key: `key-${index}-${item.sku}`,
          listingRef: match!.listingRef,
          sku: item.sku,
          quantity: item.next,
          idempotencyKey: `idem-${item.sku}-${item.next}`,
        };
      });
    },
    settle: (sim, connection, results) => settleResults(capabilities, sim, connection, results),
  };

  const label = options.label === undefined ? '' : `, ${options.label}`;
  describe(`${definition.displayName} (${definition.id}) connector contract${label}`, () => {
    registerBatchingChecks(context);
    registerFailureChecks(context);
    registerThrottlingChecks(context);
    registerConsistencyChecks(context);
    registerReadBackChecks(context);
    registerPendingResultChecks(context);
    registerWebhookChecks(context);
    registerEndpointChecks(context);
  });
}
