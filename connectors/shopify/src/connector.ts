import { type Capabilities, type ChannelClient, defineConnector } from '@ballast/connector-kit';
import { supportsIdempotency } from './api-version.ts';
import { initialBucketSize, type ShopifyConfig, shopifyConfigSchema } from './config.ts';
import { MAX_QUERY_COST, MUTATION_COST } from './cost-model.ts';
import { type ShopifyListingRef, shopifyListingRefSchema } from './listing-ref.ts';
import { lookupListings } from './operations/lookup-listings.ts';
import { readQuantities } from './operations/read-quantities.ts';
import { estimateSetQuantitiesCost, setQuantities } from './operations/set-quantities.ts';
import { createSession } from './session.ts';
import { parseShopifyOrderEvent } from './webhooks/parse-order-event.ts';
import { verifyShopifyWebhook } from './webhooks/verify-webhook.ts';

/**
 * Limits and features follow from the config: the plan's bucket, the API version (idempotency keys exist
 * from 2026-01), and whether an app secret for webhooks is set.
 */
export function shopifyCapabilities(config: ShopifyConfig): Capabilities {
  const bucket = initialBucketSize(config);
  // A batch must fit one request's cost cap and the bucket, even split in two fields (before 2026-01).
  const affordable = Math.min(MAX_QUERY_COST, bucket) - 2 * MUTATION_COST;
  return {
    maxBatch: Math.max(1, Math.min(config.batchSize, affordable)),
    rateModel: { kind: 'cost-bucket', capacity: bucket, restorePerSec: config.restoreRate },
    compareAndSet: true,
    idempotentWrites: supportsIdempotency(config.apiVersion),
    readBack: true,
    orderWebhooks: config.appSecret !== undefined,
    orderPolling: false,
    pendingResults: false,
  };
}

/**
 * The Shopify connector: absolute `available` quantities through the Admin GraphQL API.
 *
 * @example
 * ```ts
 * const { client, capabilities } = shopifyConnector.connect({
 *   shopDomain: 'my-shop.myshopify.com',
 *   accessToken: 'shpat_...',
 *   locationIds: ['gid://shopify/Location/12345'],
 *   restoreRate: 100,
 *   appSecret: '...',
 * });
 * ```
 */
export const shopifyConnector = defineConnector({
  id: 'shopify',
  displayName: 'Shopify',
  description:
    'Sets available quantities at chosen Shopify locations through the Admin GraphQL API, and reads orders/create webhooks.',
  configSchema: shopifyConfigSchema,
  listingRefSchema: shopifyListingRefSchema,
  capabilities: shopifyCapabilities,
  create(config, ctx) {
    const session = createSession(config, ctx);
    const client: ChannelClient<ShopifyListingRef> = {
      setQuantities: (batch) => setQuantities(session, batch),
      estimateCost: (batch) => estimateSetQuantitiesCost(session, batch),
      lookupListings: (skus) => lookupListings(session, skus),
      readQuantities: (items) => readQuantities(session, items),
    };
    const { appSecret } = config;
    if (appSecret !== undefined) {
      client.verifyWebhook = (request) => verifyShopifyWebhook(appSecret, config.shopDomain, request);
      client.parseOrderEvent = (request) => parseShopifyOrderEvent(request, ctx.clock);
    }
    return client;
  },
});
