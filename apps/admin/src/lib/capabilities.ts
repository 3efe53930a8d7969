import type { components } from '../api/schema.gen.ts';

type RateModel = components['schemas']['RateModel'];
type Capabilities = NonNullable<components['schemas']['ConnectorCapabilities']>;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A channel's limit in words: `10 requests/s (bursts of 20)`, `1,000 calls a day`. */
export function describeRateModel(model: RateModel): string {
  const n = (value: number) => numberFormat.format(value);
  switch (model.kind) {
    case 'token-bucket':
      return `${n(model.ratePerSec)} requests/s (bursts of ${n(model.burst)})`;
    case 'cost-bucket':
      return `${n(model.capacity)} cost points, ${n(model.restorePerSec)} restored per second`;
    case 'fixed-window':
      return `${n(model.limit)} requests per ${n(model.windowMs / 1000)} s`;
    case 'daily-quota':
      return `${n(model.limit)} calls a day`;
  }
}

/** What a channel can do, as yes/no facts a merchant can read (the batch size and limits are listed apart). */
export function capabilityFacts(capabilities: Capabilities): { label: string; value: boolean }[] {
  return [
    { label: 'Reads quantities back (drift repair)', value: capabilities.readBack },
    { label: 'Order webhooks', value: capabilities.orderWebhooks },
    { label: 'Order polling', value: capabilities.orderPolling },
    { label: 'Compare-and-set writes', value: capabilities.compareAndSet },
    { label: 'Idempotent writes', value: capabilities.idempotentWrites },
    { label: 'Results arrive later (pending)', value: capabilities.pendingResults },
  ];
}
