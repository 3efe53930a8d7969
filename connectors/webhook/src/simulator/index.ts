export type { WebhookSimulator, WebhookSimulatorOptions } from './webhook-simulator.ts';
export { SIMULATOR_PATHS, startWebhookSimulator } from './webhook-simulator.ts';
