export {
  API_VERSION_PATTERN,
  type CompareEra,
  compareEraOf,
  DEFAULT_API_VERSION,
  OLDEST_API_VERSION,
  supportsIdempotency,
} from './api-version.ts';
export type { ShopifyConfig, ShopifyConfigInput } from './config.ts';
export { MAX_BATCH, PLAN_RESTORE_RATES, shopifyConfigSchema } from './config.ts';
export { shopifyCapabilities, shopifyConnector } from './connector.ts';
export {
  itemWithLevelsCost,
  lookupPageCost,
  MAX_QUERY_COST,
  MUTATION_COST,
  readCost,
  setQuantitiesCost,
} from './cost-model.ts';
export type { ShopifyListingRef } from './listing-ref.ts';
export { INVENTORY_ITEM_GID, LOCATION_GID, shopifyListingRefSchema } from './listing-ref.ts';
export { escapeSearchValue, skuSearchQuery } from './search-query.ts';
export type { ShopifyOrder } from './webhooks/parse-order-event.ts';
export { shopifyOrderSchema } from './webhooks/parse-order-event.ts';
export { ORDERS_CREATE } from './webhooks/shopify-headers.ts';
export { shopifyHmac } from './webhooks/verify-webhook.ts';
