import type { AnyConnectorDefinition } from '@ballast/connector-kit';
import { shopifyConnector } from '@ballast/connector-shopify';
import { webhookConnector } from '@ballast/connector-webhook';
import { wooConnector } from '@ballast/connector-woocommerce';

/**
 * The connectors this server ships with. Installing another is one line here (and its package in
 * `package.json`); channels already connected with a connector that is later removed stay in the database
 * and simply stop syncing.
 */
export const installedConnectors: readonly AnyConnectorDefinition[] = [
  webhookConnector,
  shopifyConnector,
  wooConnector,
];

/** The registry `AppDeps.connectors` holds: connectors by id. */
export function connectorRegistry(
  connectors: readonly AnyConnectorDefinition[] = installedConnectors,
): ReadonlyMap<string, AnyConnectorDefinition> {
  const byId = new Map<string, AnyConnectorDefinition>();
  for (const connector of connectors) {
    if (byId.has(connector.id)) throw new Error(`connector "${connector.id}" is installed twice`);
    byId.set(connector.id, connector);
  }
  return byId;
}
