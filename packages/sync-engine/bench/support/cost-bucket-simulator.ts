import {
  createRateLimiter,
  json,
  type RateLimiter,
  type SimRequest,
  type SimResponse,
  type SimServer,
  startSimServer,
} from '@ballast/connector-kit/testing';
import {
  type CostExtension,
  type CostRule,
  costOf,
  GRAPHQL_PATH,
  inventoryItemIdOf,
  lookupRequestSchema,
  setQuantitiesRequestSchema,
} from './cost-bucket-protocol.ts';

export interface CostBucketSimulatorOptions {
  accessToken: string;
  capacity: number;
  restorePerSec: number;
  cost: CostRule;
  /** Shopify answers a throttled call with 200 or 429 (unconfirmed): the bench plays either. */
  throttledStatus?: 200 | 429;
}

/** One call the simulator answered. */
export interface CostBucketCall {
  at: number;
  items: number;
  throttled: boolean;
  /** Points the bucket held when the call arrived. */
  levelBefore: number;
}

export interface CostBucketSimulator {
  readonly server: SimServer;
  readonly rateLimiter: RateLimiter;
  /** Every inventory write, admitted or throttled, in arrival order. */
  readonly calls: readonly CostBucketCall[];
  seed(skus: readonly string[], quantity: number): void;
  quantityOf(sku: string): number | undefined;
  /** Points in the bucket now. */
  level(): number;
  close(): Promise<void>;
}

/**
 * A Shopify-like channel: a GraphQL endpoint whose calls cost points from a leaky bucket. Each answer carries
 * `extensions.cost.throttleStatus`; a call dearer than what the bucket holds is refused with a THROTTLED
 * error and changes nothing.
 */
export async function startCostBucketSimulator(
  options: CostBucketSimulatorOptions,
): Promise<CostBucketSimulator> {
  const rateLimiter = createRateLimiter({
    kind: 'cost-bucket',
    capacity: options.capacity,
    restorePerSec: options.restorePerSec,
  });
  // The bucket is enforced in the handler, so that a throttled answer can report it the way Shopify does.
  const server = await startSimServer();
  const quantities = new Map<string, number>();
  const calls: CostBucketCall[] = [];
  const level = () => rateLimiter.state()[0]!.remaining;
  const costExtension = (requested: number, actual: number | null): { cost: CostExtension } => ({
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: {
        maximumAvailable: options.capacity,
        currentlyAvailable: Math.floor(level()),
        restoreRate: options.restorePerSec,
      },
    },
  });

  const handle = (request: SimRequest): SimResponse => {
    if (request.headers.get('x-shopify-access-token') !== options.accessToken) {
      return json(401, { errors: '[API] Invalid API key or access token' });
    }
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return json(400, { errors: 'body is not JSON' });
    }
    const write = setQuantitiesRequestSchema.safeParse(body);
    const lookup = lookupRequestSchema.safeParse(body);
    if (!write.success && !lookup.success) return json(200, { errors: [{ message: 'unknown operation' }] });
    const items = write.success
      ? write.data.variables.input.quantities.length
      : lookup.data!.variables.skus.length;
    const cost = costOf(options.cost, items);
    const levelBefore = level();
    const decision = rateLimiter.admit(cost);
    if (!decision.allowed) {
      if (write.success) calls.push({ at: request.at, items, throttled: true, levelBefore });
      return json(options.throttledStatus ?? 200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: costExtension(cost, null),
      });
    }
    if (lookup.success) {
      const nodes = lookup.data.variables.skus.flatMap((sku) => {
        const available = quantities.get(sku);
        return available === undefined ? [] : [{ id: inventoryItemIdOf(sku), sku, available }];
      });
      return json(200, { data: { inventoryItems: { nodes } }, extensions: costExtension(cost, cost) });
    }
    calls.push({ at: request.at, items, throttled: false, levelBefore });
    const userErrors = write.data!.variables.input.quantities.flatMap((entry, i) => {
      const sku = entry.inventoryItemId.slice(inventoryItemIdOf('').length);
      if (!quantities.has(sku)) {
        return [
          {
            code: 'INVALID_INVENTORY_ITEM',
            field: ['input', 'quantities', i, 'inventoryItemId'],
            message: 'The specified inventory item could not be found.',
          },
        ];
      }
      quantities.set(sku, entry.quantity);
      return [];
    });
    return json(200, {
      data: { inventorySetQuantities: { userErrors } },
      extensions: costExtension(cost, cost),
    });
  };
  server.route('POST', GRAPHQL_PATH, handle, { limited: false });

  return {
    server,
    rateLimiter,
    calls,
    seed(skus, quantity) {
      for (const sku of skus) quantities.set(sku, quantity);
    },
    quantityOf: (sku) => quantities.get(sku),
    level,
    close: () => server.close(),
  };
}
