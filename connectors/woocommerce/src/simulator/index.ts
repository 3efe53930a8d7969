export type { KeyPermissions, SimApiKey } from './authenticate.ts';
export type { NewProduct, SimProduct } from './catalog.ts';
export type { DeliveryOptions } from './order-webhooks.ts';
export { orderBody } from './order-webhooks.ts';
export type { DeliveryOutcome, WooSimulator, WooSimulatorOptions } from './woo-simulator.ts';
export {
  SIM_CONSUMER_KEY,
  SIM_CONSUMER_SECRET,
  SIM_WEBHOOK_SECRET,
  startWooSimulator,
} from './woo-simulator.ts';
