export { wooPaths } from './api/paths.ts';
export type {
  BatchItemError,
  BatchResponse,
  Product,
  StockBatch,
  StockUpdate,
  WooError,
  WooOrder,
} from './api/protocol.ts';
export {
  batchResponseSchema,
  MAX_PER_PAGE,
  ORDER_CREATED_TOPIC,
  orderSchema,
  productListSchema,
  productSchema,
  stockBatchSchema,
  WOO_API_BASE,
  wooErrorSchema,
} from './api/protocol.ts';
export { encodeRfc3986, queryString } from './api/query-string.ts';
export type { UrlSigner } from './auth/oauth1-signer.ts';
export { createOAuth1Signer } from './auth/oauth1-signer.ts';
export type { AuthMode, WooConfig, WooConfigInput } from './config.ts';
export { authModeOf, WOO_BATCH_LIMIT, wooConfigSchema } from './config.ts';
export { wooConnector } from './connector.ts';
export type { WooListingRef } from './listing-ref.ts';
export { wooListingRefSchema } from './listing-ref.ts';
export { wooWebhookSignature } from './webhooks/webhook-signature.ts';
