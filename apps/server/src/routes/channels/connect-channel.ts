import { createChannel, markChannelProductsDirty, ValidationError } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { assertValidChannelConfig, sealChannelConfig } from '../../connectors/channel-config.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { idSchema, operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelSchema } from './channel-schema.ts';
import { channelView } from './channel-view.ts';

export const channelConfigSchema = z.record(z.string(), z.unknown()).openapi({
  description:
    'The connector’s settings, as described by `configSchema` in `GET /connectors`. Validated by the ' +
    'connector and stored encrypted. Secret settings (`secretFields`) are never returned; the others come ' +
    'back as the channel’s `config`.',
  example: { endpointUrl: 'https://erp.example.com/ballast', signingSecret: 'whsec_...' },
});

export const locationIdsSchema = z
  .array(idSchema)
  .min(1)
  .max(1000)
  .nullable()
  .openapi({ description: 'The locations the channel counts; null or omitted = every location' });

const bodySchema = z
  .object({
    connectorId: z.string().trim().min(1).max(100).openapi({ example: 'webhook' }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Web shop' }),
    config: channelConfigSchema,
    locationIds: locationIdsSchema.optional(),
  })
  .strict()
  .openapi('ChannelConnect');

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/channels',
  tags: ['Channels'],
  summary: 'Connect a channel',
  description:
    'The config is checked by the connector (422 names each invalid setting as `body.config.<path>`) and ' +
    'stored encrypted. Products with Auto Sync on are pushed to the new channel at once.',
  request: { params: storeParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    201: { description: 'The connected channel', content: jsonContent(channelSchema) },
    ...errorResponses,
  },
});

export function registerConnectChannel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const channel = await fieldErrorsIn('body', async () => {
      const connector = deps.connectors.get(body.connectorId);
      if (!connector) {
        throw new ValidationError('unknown connector', [
          {
            path: ['connectorId'],
            message: `no connector "${body.connectorId}" is installed (see GET /connectors)`,
          },
        ]);
      }
      assertValidChannelConfig(connector, body.config);
      return createChannel(
        deps.db,
        storeId,
        {
          connectorId: connector.id,
          name: body.name,
          configCiphertext: sealChannelConfig(deps.secrets, body.config),
          ...(body.locationIds !== undefined && { locationIds: body.locationIds }),
        },
        operationOptions(c),
      );
    });
    // Auto Sync never waits for the next stock change: a new channel gets every auto-synced product now.
    await deps.db
      .transaction()
      .execute((trx) =>
        markChannelProductsDirty(trx, storeId, channel.id, { type: 'resync', ref: `channel:${channel.id}` }),
      );
    deps.notifySync();
    return c.json(await channelView(c, storeId, channel), 201);
  });
}
