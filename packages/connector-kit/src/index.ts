export type {
  Capabilities,
  CostBucketModel,
  DailyQuotaModel,
  FixedWindowModel,
  RateModel,
  RateModels,
  TokenBucketModel,
} from './contract/capabilities.ts';
export { rateModelList } from './contract/capabilities.ts';
export type { ChannelClient } from './contract/channel-client.ts';
export { ConnectorDefinitionError } from './contract/check-capabilities.ts';
export type { ConnectorContext, ConnectorContextInput } from './contract/context.ts';
export type {
  AnyConnectorDefinition,
  Connection,
  ConnectorDefinition,
  ConnectorSpec,
} from './contract/define-connector.ts';
export { ConnectorConfigError, defineConnector } from './contract/define-connector.ts';
export { BatchTooLargeError } from './contract/guard-client.ts';
export type { ListingMatch, ReadRequest, ReadResult } from './contract/listing.ts';
export type { JsonScalar, ListingRef } from './contract/listing-ref.ts';
export type { LogFields, Logger } from './contract/logger.ts';
export { silentLogger } from './contract/logger.ts';
export type {
  ChannelOrder,
  OrderEvent,
  OrderLine,
  OrderPage,
  WebhookRequest,
  WebhookVerdict,
} from './contract/order.ts';
export type {
  BatchResult,
  ItemOutcome,
  ItemResult,
  OkOutcome,
  PendingHandle,
  PendingOutcome,
  PendingResolution,
  PermanentOutcome,
  QuantityUpdate,
  StaleOutcome,
  TransientOutcome,
} from './contract/quantity-update.ts';
export { MAX_PENDING_HANDLE } from './contract/quantity-update.ts';
export type { CostBucketStatus, QuotaStatus, RateFeedback } from './contract/rate-feedback.ts';
export { secretConfigFields, secretSetting } from './contract/secret-settings.ts';
export type { ChannelErrorInit } from './errors/channel-error.ts';
export { ChannelError } from './errors/channel-error.ts';
export { classifyError } from './errors/classify-error.ts';
export type { StatusClass } from './errors/classify-status.ts';
export { classifyStatus } from './errors/classify-status.ts';
export { failBatch } from './errors/fail-batch.ts';
export { parseRetryAfter } from './errors/retry-after.ts';
export { withEndpoint } from './http/endpoint.ts';
export type { ErrorDescription, ErrorResponse, JsonRequest, JsonResponse } from './http/request-json.ts';
export { requestJson } from './http/request-json.ts';
export type { Clock } from './rate/clock.ts';
export { systemClock } from './rate/clock.ts';
export { FixedWindowCounter } from './rate/fixed-window-counter.ts';
export type { Pacer, PacerOptions } from './rate/pacer.ts';
export { createPacer } from './rate/pacer.ts';
export { SlidingWindowLog } from './rate/sliding-window-log.ts';
export { TokenBucket } from './rate/token-bucket.ts';
export type { SignInput, StandardWebhookHeaders } from './webhooks/standard-webhooks.ts';
export { signStandardWebhook, verifyStandardWebhook } from './webhooks/standard-webhooks.ts';
