import type { AnyConnectorDefinition, Capabilities } from '@ballast/connector-kit';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { connectorConfigForm } from '../../connectors/config-json-schema.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { capabilitiesView } from './capabilities-schema.ts';
import { connectorSchema } from './connector-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/connectors',
  tags: ['Channels'],
  summary: 'The channel connectors installed on this server, with the config each one needs',
  responses: {
    200: {
      description: 'Installed connectors',
      content: jsonContent(z.object({ items: z.array(connectorSchema) }).openapi('ConnectorList')),
    },
    401: errorResponses[401],
  },
});

export function registerListConnectors(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    const items = [...c.get('deps').connectors.values()].map((connector) => {
      const { jsonSchema, secretFields } = connectorConfigForm(connector);
      const capabilities = staticCapabilities(connector);
      return {
        id: connector.id,
        displayName: connector.displayName,
        description: connector.description,
        capabilities: capabilities ? capabilitiesView(capabilities) : null,
        configSchema: jsonSchema,
        secretFields: [...secretFields],
      };
    });
    return c.json({ items }, 200);
  });
}

/**
 * Capabilities that hold whatever the config: a connector with fixed capabilities answers without looking
 * at the config; one that derives them from its settings cannot, and gets null.
 */
function staticCapabilities(connector: AnyConnectorDefinition): Capabilities | null {
  try {
    return connector.capabilitiesFor(undefined);
  } catch {
    return null;
  }
}
