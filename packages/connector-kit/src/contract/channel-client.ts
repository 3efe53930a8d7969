import type { ListingMatch, ReadRequest, ReadResult } from './listing.ts';
import type { ListingRef } from './listing-ref.ts';
import type { OrderEvent, OrderPage, WebhookRequest, WebhookVerdict } from './order.ts';
import type { BatchResult, PendingHandle, PendingResolution, QuantityUpdate } from './quantity-update.ts';

/**
 * A live connection to one channel account, made by `ConnectorSpec.create`.
 *
 * `setQuantities` reports channel failures as per-item results; it throws only for programming errors.
 * Optional methods go with their capability flag (`readBack` -> `readQuantities`, and so on).
 *
 * @example
 * ```ts
 * const result = await client.setQuantities([
 *   { key: 'l-1', listingRef: 'SKU-1', sku: 'SKU-1', quantity: 4, idempotencyKey: 'l-1:v3:4' },
 * ]);
 * for (const item of result.items) if (item.status === 'transient') retryLater(item.key, item.retryAfterMs);
 * ```
 */
export interface ChannelClient<Ref extends ListingRef = ListingRef> {
  /** Sets absolute quantities; at most `capabilities.maxBatch` updates per call. */
  setQuantities(batch: readonly QuantityUpdate<Ref>[]): Promise<BatchResult>;
  /** Points one call will cost under a `cost-bucket` rate model; 1 when absent. */
  estimateCost?(batch: readonly QuantityUpdate<Ref>[]): number;
  /** Finds the channel items for SKUs; SKUs with no item are absent from the answer. */
  lookupListings(skus: readonly string[]): Promise<readonly ListingMatch<Ref>[]>;
  /** Reads what the channel shows now (drift repair). */
  readQuantities?(items: readonly ReadRequest<Ref>[]): Promise<readonly ReadResult[]>;
  /**
   * Asks a feed-style channel for the verdicts of earlier `pending` results: one resolution per handle, in
   * any order, `pending` again for a verdict not ready yet. At most `capabilities.maxBatch` handles per call;
   * the host paces each call like one `setQuantities` call. A poll that fails as a whole throws (the kit
   * classifies it); the host keeps the handles and polls again later.
   */
  pollPending?(handles: readonly PendingHandle[]): Promise<readonly PendingResolution[]>;
  /** Checks a delivery's signature (and freshness, where the channel signs a timestamp). */
  verifyWebhook?(request: WebhookRequest): WebhookVerdict;
  /** Reads a verified delivery; call only after `verifyWebhook` said ok. */
  parseOrderEvent?(request: WebhookRequest): OrderEvent;
  /** Fetches orders created since a point in time (channels without webhooks). */
  pollOrders?(since: Date): Promise<OrderPage>;
}
