import {
  type Channel,
  ChannelConfigChangedError,
  type ChannelUpdate,
  getChannel,
  getChannelConfigCiphertext,
  InvalidStateError,
  markChannelProductsDirty,
  updateChannel,
} from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import {
  assertValidChannelConfig,
  openChannelConfig,
  sealChannelConfig,
} from '../../connectors/channel-config.ts';
import { connectorConfigForm } from '../../connectors/config-json-schema.ts';
import { mergeChannelConfig } from '../../connectors/merge-channel-config.ts';
import { resetChannelBackoff } from '../../connectors/reset-channel-backoff.ts';
import type { SecretBox } from '../../deps.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema } from './channel-params.ts';
import { channelSchema } from './channel-schema.ts';
import { channelView } from './channel-view.ts';
import { locationIdsSchema } from './connect-channel.ts';

const configEditSchema = z.record(z.string(), z.unknown()).openapi({
  description:
    'Changes to the connector’s settings, merged into the stored ones (JSON Merge Patch): a setting left out ' +
    'keeps its value; `null` clears it (the connector’s default applies; a required setting cannot be ' +
    'cleared); a secret setting (the connector’s `secretFields`) sent as `""` or left out keeps its stored ' +
    'value, so editing one setting never needs the credentials again. Nested objects merge setting by ' +
    'setting; arrays are replaced. The merged config is validated by the connector (422 names each invalid ' +
    'setting as `body.config.<path>`) and stored encrypted. A disconnected channel has nothing stored: send ' +
    'every required setting.',
  example: { batchSize: 50, readBackUrl: null, signingSecret: '' },
});

const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    locationIds: locationIdsSchema.optional(),
    status: z
      .enum(['active', 'paused'])
      .optional()
      .openapi({ description: 'Pause or resume pushes (disconnect has its own endpoint)' }),
    config: configEditSchema.optional(),
  })
  .strict()
  .openapi('ChannelUpdate');

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}/channels/{channelId}',
  tags: ['Channels'],
  summary: 'Rename, pause or resume a channel, change its locations, or edit its config',
  description:
    'Resuming, changing locations or sending `config` pushes every auto-synced product again (and makes ' +
    'pushes waiting on a failure due now). `config` is merged into the stored settings: send only what ' +
    'changes; secrets left out or blank are kept. Resuming a disconnected channel needs a complete `config`.',
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
    const connector = body.config !== undefined ? deps.connectors.get(current.connectorId) : undefined;
    if (body.config !== undefined && !connector) {
      throw new HttpProblem(
        problem(409, 'invalid_state', `connector "${current.connectorId}" is not installed on this server`),
      );
    }
    if (body.status === 'active' && body.config === undefined) {
      const stored = await getChannelConfigCiphertext(deps.db, storeId, current.id);
      if (stored === null) {
        throw new InvalidStateError(
          'this channel has no config (it was disconnected): send `config` to resume it',
        );
      }
    }

    // A config edit is merged into what is stored now and written only if that is still what is stored: of
    // two edits at once, the second reads the first's result and merges into it instead of undoing it.
    let channel: Channel | undefined;
    for (let attempt = 1; !channel; attempt++) {
      if (body.config !== undefined && connector) {
        const ciphertext = await getChannelConfigCiphertext(deps.db, storeId, current.id);
        const secretFields = new Set(connectorConfigForm(connector).secretFields);
        const merged = mergeChannelConfig(openStored(deps.secrets, ciphertext), body.config, secretFields);
        await fieldErrorsIn('body', () => assertValidChannelConfig(connector, merged));
        update.configCiphertext = sealChannelConfig(deps.secrets, merged);
        update.expectedConfigCiphertext = ciphertext;
      }
      channel = await fieldErrorsIn('body', async () => {
        try {
          return await updateChannel(deps.db, storeId, current.id, update);
        } catch (error) {
          // Someone else's edit landed between our read and our write: read again and merge into it.
          if (error instanceof ChannelConfigChangedError && attempt < CONFIG_EDIT_ATTEMPTS) return undefined;
          throw error;
        }
      });
    }
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

/**
 * The channel's config to merge an edit into: nothing when it has none (disconnected) or when it was sealed
 * under another server secret and cannot be read (the edit must then be complete, as on connect).
 */
function openStored(secrets: SecretBox, ciphertext: string | null): unknown {
  if (ciphertext === null) return undefined;
  try {
    return openChannelConfig(secrets, ciphertext);
  } catch {
    return undefined;
  }
}

/** Tries of a config edit that keeps meeting concurrent edits before it answers 409. */
const CONFIG_EDIT_ATTEMPTS = 5;
