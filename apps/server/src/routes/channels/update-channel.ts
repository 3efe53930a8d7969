import {
  type ChannelUpdate,
  getChannel,
  getChannelConfigCiphertext,
  InvalidStateError,
  markChannelProductsDirty,
  updateChannel,
} from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { assertValidChannelConfig, sealChannelConfig } from '../../connectors/channel-config.ts';
import { resetChannelBackoff } from '../../connectors/reset-channel-backoff.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema } from './channel-params.ts';
import { channelSchema } from './channel-schema.ts';
import { channelView } from './channel-view.ts';
import { channelConfigSchema, locationIdsSchema } from './connect-channel.ts';

const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    locationIds: locationIdsSchema.optional(),
    status: z
      .enum(['active', 'paused'])
      .optional()
      .openapi({ description: 'Pause or resume pushes (disconnect has its own endpoint)' }),
    config: channelConfigSchema
      .optional()
      .openapi({ description: 'Replaces the whole config (rotated credentials, a new endpoint)' }),
  })
  .strict()
  .openapi('ChannelUpdate');

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}/channels/{channelId}',
  tags: ['Channels'],
  summary: 'Rename, pause or resume a channel, change its locations, or replace its config',
  description:
    'Resuming, changing locations or replacing the config pushes every auto-synced product again. ' +
    'Resuming a disconnected channel needs a new `config`.',
  request: { params: channelParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: { 200: { description: 'The channel', content: jsonContent(channelSchema) }, ...errorResponses },
});

export function registerUpdateChannel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const current = await getChannel(deps.db, storeId, params.channelId);

    const update: ChannelUpdate = {};
    if (body.name !== undefined) update.name = body.name;
    if (body.locationIds !== undefined) update.locationIds = body.locationIds;
    if (body.status !== undefined) update.status = body.status;
    if (body.config !== undefined) {
      const connector = deps.connectors.get(current.connectorId);
      if (!connector) {
        throw new HttpProblem(
          problem(409, 'invalid_state', `connector "${current.connectorId}" is not installed on this server`),
        );
      }
      await fieldErrorsIn('body', () => assertValidChannelConfig(connector, body.config));
      update.configCiphertext = sealChannelConfig(deps.secrets, body.config);
    }
    if (body.status === 'active' && body.config === undefined) {
      const stored = await getChannelConfigCiphertext(deps.db, storeId, current.id);
      if (stored === null) {
        throw new InvalidStateError(
          'this channel has no config (it was disconnected): send `config` to resume it',
        );
      }
    }

    const channel = await fieldErrorsIn('body', () => updateChannel(deps.db, storeId, current.id, update));
    if (body.config !== undefined && channel.status === 'active') {
      // New credentials or a new endpoint: what the channel shows is no longer known, so push everything.
      await deps.db.transaction().execute((trx) =>
        markChannelProductsDirty(trx, storeId, channel.id, {
          type: 'resync',
          ref: `channel:${channel.id}`,
        }),
      );
      // Pushes that were failing against the old config are due now, with a fresh retry budget.
      await resetChannelBackoff(deps.db, channel.id);
    }
    if (channel.status === 'active') deps.notifySync();
    return c.json(await channelView(c, storeId, channel), 200);
  });
}
