export type { WebhookConfig, WebhookConfigInput } from './config.ts';
export { webhookConfigSchema } from './config.ts';
export { webhookConnector } from './connector.ts';
export type {
  InventoryItem,
  InventorySet,
  InventorySetResponse,
  OrderEventBody,
  StockList,
  WireItemResult,
} from './protocol.ts';
export {
  INVENTORY_SET,
  inventorySetResponseSchema,
  inventorySetSchema,
  ORDER_CREATED,
  orderEventSchema,
  stockListSchema,
} from './protocol.ts';
