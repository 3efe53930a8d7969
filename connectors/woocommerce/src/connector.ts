import { type Capabilities, type ChannelClient, defineConnector } from '@ballast/connector-kit';
import { type WooConfig, wooConfigSchema } from './config.ts';
import { createWooApi } from './http/woo-api.ts';
import { type WooListingRef, wooListingRefSchema } from './listing-ref.ts';
import { lookupListings } from './lookup-listings.ts';
import { readQuantities } from './read-quantities.ts';
import { callsFor, setQuantities } from './set-quantities.ts';
import { parseWooOrderEvent } from './webhooks/parse-order-event.ts';
import { verifyWooWebhook } from './webhooks/verify-webhook.ts';

/**
 * Limits are settings. The rate model is a cost bucket whose points are HTTP calls: a batch mixing simple
 * products and the variations of N parents takes 1 + N calls, each counted by a throttling host, and
 * `estimateCost` tells the engine so (a plain token bucket would book one call for all of them).
 */
function capabilitiesOf(config: WooConfig): Capabilities {
  return {
    maxBatch: config.batchSize,
    rateModel: { kind: 'cost-bucket', capacity: config.burst, restorePerSec: config.requestsPerSecond },
    // No ETag / If-Match on products, and no idempotency keys: the master simply wins.
    compareAndSet: false,
    idempotentWrites: false,
    readBack: true,
    orderWebhooks: config.webhookSecret !== undefined,
    orderPolling: false,
    pendingResults: false,
  };
}

/**
 * The WooCommerce connector: REST API v3 stock writes for simple products and variations.
 *
 * @example
 * ```ts
 * const { client, capabilities } = wooConnector.connect({
 *   siteUrl: 'https://shop.example.com',
 *   consumerKey: 'ck_...',
 *   consumerSecret: 'cs_...',
 *   webhookSecret: 'the secret set on the order.created webhook',
 * });
 * ```
 */
export const wooConnector = defineConnector({
  id: 'woocommerce',
  displayName: 'WooCommerce',
  description:
    'Sets stock on simple products and variations through the WooCommerce REST API v3 and reads order.created webhooks.',
  configSchema: wooConfigSchema,
  listingRefSchema: wooListingRefSchema,
  capabilities: capabilitiesOf,
  create(config, ctx) {
    const api = createWooApi(config, ctx);
    const client: ChannelClient<WooListingRef> = {
      setQuantities: (batch) => setQuantities(api, batch),
      estimateCost: callsFor,
      lookupListings: (skus) => lookupListings(api, skus),
      readQuantities: (items) => readQuantities(api, items),
    };
    const secret = config.webhookSecret;
    if (secret !== undefined) {
      client.verifyWebhook = (request) => verifyWooWebhook(secret, request);
      client.parseOrderEvent = (request) => parseWooOrderEvent(request, ctx);
    }
    return client;
  },
});
