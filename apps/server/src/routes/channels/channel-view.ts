import type { Channel } from '@ballast/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { configuredFields, openChannelConfig } from '../../connectors/channel-config.ts';
import { connectorConfigForm } from '../../connectors/config-json-schema.ts';
import { visibleSettings } from '../../connectors/visible-settings.ts';
import { capabilitiesView } from '../connectors/capabilities-schema.ts';
import type { ChannelView } from './channel-schema.ts';
import { channelSyncStates } from './channel-sync-state.ts';

/**
 * Channels as the API shows them. The config is decrypted here to show the settings that are not secret, say
 * which are set and what the channel can do; no secret value leaves this function.
 */
export async function channelViews(
  c: Context<AppEnv>,
  storeId: number,
  channels: readonly Channel[],
): Promise<ChannelView[]> {
  const { db, secrets, connectors } = c.get('deps');
  const ids = channels.map((ch) => ch.id);
  const ciphertexts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('channels')
          .select(['id', 'configCiphertext'])
          .where('storeId', '=', storeId)
          .where('id', 'in', ids)
          .execute();
  const ciphertextOf = new Map(ciphertexts.map((r) => [r.id, r.configCiphertext]));
  const states = await channelSyncStates(db, storeId, ids);
  // Behind a proxy the request's own origin is an internal one: the configured public URL is what channels reach.
  const origin = (c.get('deps').publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');

  return channels.map((channel) => {
    const ciphertext = ciphertextOf.get(channel.id) ?? null;
    let config: unknown;
    try {
      config = ciphertext === null ? undefined : openChannelConfig(secrets, ciphertext);
    } catch {
      config = undefined; // sealed under another server secret: shown as "nothing set"
    }
    const connector = connectors.get(channel.connectorId);
    let capabilities: ChannelView['capabilities'] = null;
    if (connector && config !== undefined) {
      try {
        capabilities = capabilitiesView(connector.capabilitiesFor(connector.parseConfig(config)));
      } catch {
        capabilities = null;
      }
    }
    return {
      id: channel.id,
      storeId: channel.storeId,
      connectorId: channel.connectorId,
      name: channel.name,
      status: channel.status,
      locationIds: channel.locationIds,
      config:
        connector && config !== undefined ? visibleSettings(config, connectorConfigForm(connector)) : null,
      configuredFields: configuredFields(config),
      capabilities,
      webhookUrl: capabilities?.orderWebhooks ? `${origin}/webhooks/${channel.id}` : null,
      sync: states.get(channel.id) ?? { pendingPushes: 0, lastPushAt: null, lastError: null },
      createdAt: channel.createdAt,
    };
  });
}

export async function channelView(
  c: Context<AppEnv>,
  storeId: number,
  channel: Channel,
): Promise<ChannelView> {
  const [view] = await channelViews(c, storeId, [channel]);
  return view!;
}
