import { type Capabilities, rateModelList } from './capabilities.ts';
import type { ChannelClient } from './channel-client.ts';
import type { ListingRef } from './listing-ref.ts';

/** A connector whose declaration contradicts itself: a bug in the connector, caught when it connects. */
export class ConnectorDefinitionError extends Error {
  override readonly name = 'ConnectorDefinitionError';
}

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;

/** Rejects capabilities the engine could not work with (a zero batch size, a zero rate). */
export function checkCapabilities(connectorId: string, capabilities: Capabilities): Capabilities {
  const problems: string[] = [];
  if (!Number.isInteger(capabilities.maxBatch) || capabilities.maxBatch < 1) {
    problems.push(`maxBatch must be a positive integer (got ${capabilities.maxBatch})`);
  }
  const models = rateModelList(capabilities.rateModel);
  if (models.length === 0) problems.push('rateModel must name at least one model');
  for (const model of models) {
    const ok =
      model.kind === 'token-bucket'
        ? positive(model.ratePerSec) && positive(model.burst)
        : model.kind === 'cost-bucket'
          ? positive(model.capacity) && positive(model.restorePerSec)
          : model.kind === 'fixed-window'
            ? Number.isInteger(model.limit) && model.limit > 0 && positive(model.windowMs)
            : Number.isInteger(model.limit) && model.limit > 0;
    if (!ok) problems.push(`rate model ${JSON.stringify(model)} needs positive numbers (integer limits)`);
  }
  if (problems.length > 0) throw new ConnectorDefinitionError(`${connectorId}: ${problems.join('; ')}`);
  return capabilities;
}

/** A capability flag promises a method: check the client has it, so the host can rely on the flags alone. */
export function checkClientMatchesCapabilities<Ref extends ListingRef>(
  connectorId: string,
  capabilities: Capabilities,
  client: ChannelClient<Ref>,
): void {
  const missing: string[] = [];
  if (capabilities.readBack && !client.readQuantities) missing.push('readBack needs readQuantities');
  if (capabilities.pendingResults && !client.pollPending) missing.push('pendingResults needs pollPending');
  if (capabilities.orderPolling && !client.pollOrders) missing.push('orderPolling needs pollOrders');
  if (capabilities.orderWebhooks && !(client.verifyWebhook && client.parseOrderEvent)) {
    missing.push('orderWebhooks needs verifyWebhook and parseOrderEvent');
  }
  if (missing.length > 0) throw new ConnectorDefinitionError(`${connectorId}: ${missing.join('; ')}`);
}
