import {
  type BatchResult,
  ChannelError,
  type ConnectorContext,
  classifyError,
  classifyStatus,
  defineConnector,
  failBatch,
  type QuantityUpdate,
  type RateFeedback,
  withEndpoint,
} from '@ballast/connector-kit';
import { z } from 'zod';
import {
  type CostExtension,
  costOf,
  GRAPHQL_PATH,
  type GraphqlResponse,
  graphqlResponseSchema,
  type SetQuantitiesRequest,
} from './cost-bucket-protocol.ts';

export const COST_BUCKET_CONNECTOR_ID = 'bench-cost-bucket';

const configSchema = z.object({
  /** The simulator's origin; the GraphQL path is fixed. */
  baseUrl: z.url(),
  accessToken: z.string().min(1),
  locationId: z.string().default('gid://shopify/Location/1'),
  maxBatch: z.number().int().min(1).max(250).default(250),
  capacity: z.number().positive().default(1000),
  restorePerSec: z.number().positive().default(100),
  baseCost: z.number().min(0).default(10),
  perItemCost: z.number().min(0).default(1),
});
export type CostBucketConfig = z.input<typeof configSchema>;

/**
 * A bench-only connector for a Shopify-like channel: `inventorySetQuantities` batches paced by a cost-point
 * bucket. Every answer reports the bucket (`extensions.cost.throttleStatus`), which becomes
 * `rateFeedback.costBucket`; a THROTTLED answer (HTTP 200 or 429) fails the batch as transient `throttled`
 * with the wait the reported bucket implies.
 */
export const costBucketConnector = defineConnector({
  id: COST_BUCKET_CONNECTOR_ID,
  displayName: 'Cost bucket (bench)',
  description: 'A Shopify-like GraphQL channel throttled by a cost-point bucket, for benchmarks.',
  configSchema,
  listingRefSchema: z.string().min(1),
  capabilities: (config) => ({
    maxBatch: config.maxBatch,
    rateModel: { kind: 'cost-bucket', capacity: config.capacity, restorePerSec: config.restorePerSec },
    compareAndSet: false,
    idempotentWrites: true,
    readBack: false,
    orderWebhooks: false,
    orderPolling: false,
    pendingResults: false,
  }),
  create(config, ctx) {
    const rule = { base: config.baseCost, perItem: config.perItemCost };
    const call = (body: unknown) => postGraphql(ctx, config.baseUrl, config.accessToken, body);
    return {
      estimateCost: (batch) => costOf(rule, batch.length),
      async setQuantities(batch) {
        const request: SetQuantitiesRequest = {
          operationName: 'InventorySet',
          idempotencyKey: batch.map((u) => u.idempotencyKey).join(','),
          variables: {
            input: {
              name: 'available',
              reason: 'correction',
              quantities: batch.map((u) => ({
                inventoryItemId: u.listingRef,
                locationId: config.locationId,
                quantity: u.quantity,
                changeFromQuantity: null,
              })),
            },
          },
        };
        let response: GraphqlResponse;
        try {
          response = await call(request);
        } catch (error) {
          return failBatch(batch, error);
        }
        return resultOf(batch, response);
      },
      async lookupListings(skus) {
        const response = await call({ operationName: 'InventoryItems', variables: { skus } });
        const nodes = response.data?.inventoryItems?.nodes;
        if (!nodes)
          throw new ChannelError({ retryable: true, code: 'throttled', message: 'lookup throttled' });
        return nodes.map((n) => ({ sku: n.sku, listingRef: n.id, quantity: n.available }));
      },
    };
  },
});

async function postGraphql(
  ctx: ConnectorContext,
  baseUrl: string,
  accessToken: string,
  body: unknown,
): Promise<GraphqlResponse> {
  const url = withEndpoint(`${baseUrl.replace(/\/+$/, '')}${GRAPHQL_PATH}`, ctx.endpoint);
  let status: number;
  let raw: string;
  try {
    const response = await ctx.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': accessToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    status = response.status;
    raw = await response.text();
  } catch (error) {
    throw classifyError(error);
  }
  // A throttled answer may come as 429; its body still reports the bucket.
  if (status !== 429 && (status < 200 || status > 299)) {
    const byStatus = classifyStatus(status);
    throw new ChannelError({ ...byStatus, message: `HTTP ${status}: ${raw.slice(0, 300)}`, status });
  }
  try {
    return graphqlResponseSchema.parse(JSON.parse(raw));
  } catch (error) {
    throw classifyError(error);
  }
}

function feedbackOf(cost: CostExtension | undefined): RateFeedback | undefined {
  if (!cost) return undefined;
  const { currentlyAvailable, maximumAvailable, restoreRate } = cost.throttleStatus;
  return {
    costBucket: { available: currentlyAvailable, capacity: maximumAvailable, restorePerSec: restoreRate },
  };
}

function resultOf(batch: readonly QuantityUpdate[], response: GraphqlResponse): BatchResult {
  const cost = response.extensions?.cost;
  const feedback = feedbackOf(cost);
  if (response.errors?.some((e) => e.extensions?.code === 'THROTTLED')) {
    // Pace from the reported bucket: the call may go again once the bucket holds what it asked for.
    const retryAfterMs = cost
      ? Math.max(
          1,
          Math.ceil(
            ((cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) /
              cost.throttleStatus.restoreRate) *
              1000,
          ),
        )
      : 1000;
    return {
      items: batch.map(({ key }) => ({
        key,
        status: 'transient',
        code: 'throttled',
        message: 'Throttled',
        retryAfterMs,
      })),
      rateFeedback: { ...feedback, retryAfterMs },
    };
  }
  const outcome = response.data?.inventorySetQuantities;
  if (!outcome) {
    const message = response.errors?.map((e) => e.message).join('; ') ?? 'no data in the answer';
    return {
      ...failBatch(batch, new ChannelError({ retryable: false, code: 'graphql_error', message })),
      ...(feedback && { rateFeedback: feedback }),
    };
  }
  const failed = new Map<number, { code: string; message: string }>();
  for (const error of outcome.userErrors) {
    const index = error.field[2];
    if (typeof index === 'number') failed.set(index, error);
  }
  return {
    items: batch.map((update, i) => {
      const error = failed.get(i);
      return error
        ? { key: update.key, status: 'permanent' as const, code: error.code, message: error.message }
        : { key: update.key, status: 'ok' as const, quantity: update.quantity };
    }),
    ...(feedback && { rateFeedback: feedback }),
  };
}
