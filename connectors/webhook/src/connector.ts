import { type Capabilities, type ChannelClient, defineConnector } from '@ballast/connector-kit';
import { z } from 'zod';
import { type WebhookConfig, webhookConfigSchema } from './config.ts';
import { parseOrderEvent, verifyOrderWebhook } from './orders.ts';
import { setQuantities } from './set-quantities.ts';
import { fetchStockList } from './stock-list.ts';

/** What the merchant's endpoint supports follows from the config: limits and optional URLs are settings. */
function capabilitiesOf(config: WebhookConfig): Capabilities {
  return {
    maxBatch: config.batchSize,
    rateModel: {
      kind: 'token-bucket',
      ratePerSec: config.requestsPerSecond,
      burst: config.burst ?? Math.max(1, Math.ceil(config.requestsPerSecond)),
    },
    compareAndSet: config.compareAndSet,
    // The protocol requires receivers to deduplicate idempotency keys.
    idempotentWrites: true,
    readBack: config.readBackUrl !== undefined,
    orderWebhooks: true,
    orderPolling: false,
    pendingResults: false,
  };
}

/**
 * The generic webhook connector: signed JSON batches to the merchant's own endpoint.
 *
 * @example
 * ```ts
 * const { client, capabilities } = webhookConnector.connect({
 *   endpointUrl: 'https://erp.example.com/ballast/inventory',
 *   signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
 * });
 * ```
 */
export const webhookConnector = defineConnector({
  id: 'webhook',
  displayName: 'Webhook',
  description: "Pushes Standard Webhooks-signed JSON inventory batches to the merchant's own HTTP endpoint.",
  configSchema: webhookConfigSchema,
  // The listing reference is the SKU itself: the merchant's system keys its stock by SKU.
  listingRefSchema: z.string().min(1),
  capabilities: capabilitiesOf,
  create(config, ctx) {
    // The host may impose a shorter deadline than the merchant configured (shutdown, tests).
    const timeoutMs = Math.min(config.timeoutMs, ctx.timeoutMs);
    const orderSecret = config.orderSigningSecret ?? config.signingSecret;
    const { lookupUrl, readBackUrl } = config;
    const client: ChannelClient<string> = {
      setQuantities: (batch) => setQuantities(config, ctx, timeoutMs, batch),
      async lookupListings(skus) {
        if (lookupUrl === undefined) return skus.map((sku) => ({ sku, listingRef: sku }));
        const found = await fetchStockList(config, ctx, timeoutMs, lookupUrl, skus);
        return found.map(({ sku, quantity }) => ({
          sku,
          listingRef: sku,
          ...(quantity === undefined ? {} : { quantity }),
        }));
      },
      verifyWebhook: (request) => verifyOrderWebhook(orderSecret, request),
      parseOrderEvent,
    };
    if (readBackUrl !== undefined) {
      client.readQuantities = async (items) => {
        const shown = await fetchStockList(
          config,
          ctx,
          timeoutMs,
          readBackUrl,
          items.map((item) => item.listingRef),
        );
        const bySku = new Map(shown.map(({ sku, quantity }) => [sku, quantity]));
        return items.map(({ key, listingRef }) => {
          const quantity = bySku.get(listingRef);
          return quantity === undefined
            ? { key, status: 'missing' as const }
            : { key, status: 'ok' as const, quantity };
        });
      };
    }
    return client;
  },
});
