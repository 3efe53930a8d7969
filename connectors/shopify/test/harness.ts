import type { Connection, QuantityUpdate } from '@ballast/connector-kit';
import { getVariableValues, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterEach } from 'vitest';
import { type ShopifyConfigInput, type ShopifyListingRef, shopifyConnector } from '../src/index.ts';
import {
  operationCost,
  type ShopifySimulator,
  type ShopifySimulatorOptions,
  type SimInventoryItem,
  simulatorSchema,
  startShopifySimulator,
} from '../src/simulator/index.ts';
import { LOCATION, simConfig } from './fixtures.ts';

const running: ShopifySimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** A roomy bucket unless a test is about throttling. */
const ROOMY = { restoreRate: 2000, bucketSize: 2000 } as const;

/** A simulator and a connection to it; the simulator closes after the test. */
export async function connectToSim(
  simOptions: ShopifySimulatorOptions = {},
  config: Partial<ShopifyConfigInput> = {},
  timeoutMs = 2_000,
): Promise<{ sim: ShopifySimulator; connection: Connection<ShopifyListingRef> }> {
  const sim = await startShopifySimulator({ ...ROOMY, ...simOptions });
  running.push(sim);
  const connection = shopifyConnector.connect(simConfig(sim.server.url, { ...ROOMY, ...config }), {
    timeoutMs,
  });
  return { sim, connection };
}

let counter = 0;

/** An update for an item the simulator holds, at the first location unless told otherwise. */
export function updateOf(
  item: SimInventoryItem,
  quantity: number,
  extra: Partial<QuantityUpdate<ShopifyListingRef>> = {},
): QuantityUpdate<ShopifyListingRef> {
  counter += 1;
  return {
    key: `key-${counter}`,
    listingRef: { inventoryItemId: item.id, locationId: LOCATION },
    sku: item.sku ?? `no-sku-${counter}`,
    quantity,
    idempotencyKey: `idem-${counter}-${quantity}`,
    ...extra,
  };
}

/** The GraphQL bodies the simulator received for one API version. */
export function graphqlBodies(sim: ShopifySimulator): {
  query: string;
  variables: Record<string, unknown>;
}[] {
  return sim.server.requests
    .filter((r) => r.path.endsWith('/graphql.json'))
    .map((r) => JSON.parse(r.body) as { query: string; variables: Record<string, unknown> });
}

/** What the simulator charged for a request body, by its own pricing. */
export function simulatorCost(
  version: string,
  body: { query: string; variables: Record<string, unknown> },
): number {
  const schema = simulatorSchema(version);
  const document = parse(body.query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables);
  return operationCost(schema, operation, new Map(), variables.coerced ?? {});
}
