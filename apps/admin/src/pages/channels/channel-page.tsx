import { A, useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Channel } from '../../api/types.ts';
import { formatCount, formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ChannelStatusBadge } from '../../ui/status-badge.tsx';
import { channelActions, DISCONNECT_WARNING } from './channel-actions.ts';
import { ChannelCapabilities } from './channel-capabilities.tsx';
import { ChannelListings } from './channel-listings.tsx';
import { ChannelSettingsForm } from './channel-settings-form.tsx';
import { WebhookDeliveries } from './webhook-deliveries.tsx';

/** One channel: its status and sync state, what it can do, its settings, listings and order webhooks. */
export function ChannelPage() {
  const api = useApi();
  const params = useParams();
  const { storeId, refetchChannels, locationName } = useStore();
  const channelId = () => Number(params.channelId);
  const [channel, { mutate, refetch }] = createResource(
    () => ({ storeId: storeId(), channelId: channelId() }),
    (path) => unwrap(api.GET('/stores/{storeId}/channels/{channelId}', { params: { path } })),
  );
  const disconnecting = createConfirmation<Channel>();

  const changed = (updated: Channel) => {
    mutate(updated);
    refetchChannels();
  };

  const actions = channelActions(api, storeId, changed);

  return (
    <section class="page">
      <BackLink href={`/stores/${storeId()}/channels`} label="Channels" />
      <ErrorAlert error={channel.error} />
      <Show when={latest(channel)}>
        {(c) => (
          <>
            <PageHeader
              title={
                <>
                  {c().name} <ChannelStatusBadge status={c().status} />
                </>
              }
              actions={
                <>
                  <button type="button" class="button" onClick={() => void refetch()}>
                    Refresh
                  </button>
                  <Show when={c().status === 'active'}>
                    <button
                      type="button"
                      class="button"
                      onClick={() => void actions.setStatus(c(), 'paused')}
                    >
                      Pause
                    </button>
                  </Show>
                  <Show when={c().status === 'paused'}>
                    <button
                      type="button"
                      class="button"
                      onClick={() => void actions.setStatus(c(), 'active')}
                    >
                      Resume
                    </button>
                  </Show>
                  <Show when={c().status !== 'disconnected'}>
                    <button type="button" class="button button-danger" onClick={() => disconnecting.ask(c())}>
                      Disconnect
                    </button>
                  </Show>
                </>
              }
            />

            <div class="detail-grid">
              <section class="card" aria-labelledby="sync-state-title">
                <h2 id="sync-state-title">Sync state</h2>
                <dl class="facts">
                  <dt>Connector</dt>
                  <dd>{c().connectorId}</dd>
                  <dt>Connected</dt>
                  <dd>{formatTime(c().createdAt)}</dd>
                  <dt>Locations counted</dt>
                  <dd>
                    {c().locationIds === null
                      ? 'Every location'
                      : (c().locationIds ?? []).map((id) => locationName(id) ?? `#${id}`).join(', ')}
                  </dd>
                  <dt>Waiting to push</dt>
                  <dd>{formatCount(c().sync.pendingPushes)}</dd>
                  <dt>Last push</dt>
                  <dd>{c().sync.lastPushAt === null ? 'Never' : formatTime(c().sync.lastPushAt ?? 0)}</dd>
                  <dt>Last error</dt>
                  <dd>
                    <Show when={c().sync.lastError} fallback="None">
                      {(err) => (
                        <>
                          <span class="error-text">{err().message ?? err().code}</span>
                          <span class="cell-sub">
                            {formatTime(err().at)}, {err().status}
                            {err().code ? ` (${err().code})` : ''} —{' '}
                            <A href={`/stores/${storeId()}/products/${err().productId}`}>open the product</A>
                          </span>
                        </>
                      )}
                    </Show>
                  </dd>
                  <Show when={c().webhookUrl}>
                    <dt>Order webhook URL</dt>
                    <dd>
                      <code class="break">{c().webhookUrl}</code>
                    </dd>
                  </Show>
                </dl>
              </section>
              <ChannelCapabilities channel={c()} />
            </div>

            <ChannelSettingsForm storeId={storeId()} channel={c()} onSaved={changed} />
            <ChannelListings storeId={storeId()} channel={c()} />
            <WebhookDeliveries storeId={storeId()} channelId={c().id} />

            <ConfirmDialog
              open={disconnecting.isOpen()}
              title={`Disconnect ${c().name}?`}
              description={`${DISCONNECT_WARNING} Saving new settings connects it again.`}
              confirmLabel="Disconnect"
              busy={disconnecting.busy()}
              onConfirm={() => void disconnecting.confirm(actions.disconnect)}
              onCancel={disconnecting.dismiss}
            />
          </>
        )}
      </Show>
    </section>
  );
}
