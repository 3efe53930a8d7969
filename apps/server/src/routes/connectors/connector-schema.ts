import { z } from '@hono/zod-openapi';
import { orNull } from '../shared/or-null.ts';
import { capabilitiesSchema } from './capabilities-schema.ts';

export const connectorSchema = z
  .object({
    id: z.string().openapi({ example: 'webhook', description: 'What `connectorId` names when connecting' }),
    displayName: z.string(),
    description: z.string(),
    capabilities: orNull(capabilitiesSchema).openapi({
      description:
        'What every channel of this connector can do; null when it depends on the config (batch size, ' +
        'read-back URL, ...): each channel then shows its own.',
    }),
    configSchema: z.record(z.string(), z.unknown()).openapi({
      description:
        'JSON Schema (2020-12) of `config` when connecting. Secret fields carry `writeOnly: true` and ' +
        '`x-secret: true`: they are stored encrypted and never returned.',
    }),
    secretFields: z.array(z.string()).openapi({ example: ['signingSecret', 'orderSigningSecret'] }),
  })
  .openapi('Connector');
