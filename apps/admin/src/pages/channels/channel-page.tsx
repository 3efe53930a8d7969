import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { formatCount, formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
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
  const [disconnecting, setDisconnecting] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const changed = (updated: Channel) => {
    mutate(updated);
    refetchChannels();
  };

  const actions = channelActions(api, storeId, changed);

  const disconnect = async (current: Channel) => {
    setBusy(true);
    if (await actions.disconnect(current)) setDisconnecting(false);
    setBusy(false);
  };

  return (
    <section class="page">
      <p>
        <A href={`/stores/${storeId()}/channels`}>← Channels</A>
      </p>
      <Show when={channel.error}>
        <p class="form-error" role="alert">
          {errorMessage(channel.error)}
        </p>
      </Show>
      <Show when={latest(channel)}>
        {(c) => (
          <>
            <header class="page-header">
              <h1>
                {c().name} <ChannelStatusBadge status={c().status} />
              </h1>
              <div class="page-actions">
                <button type="button" class="button" onClick={() => void refetch()}>
                  Refresh
                </button>
                <Show when={c().status === 'active'}>
                  <button type="button" class="button" onClick={() => void actions.setStatus(c(), 'paused')}>
                    Pause
                  </button>
                </Show>
                <Show when={c().status === 'paused'}>
                  <button type="button" class="button" onClick={() => void actions.setStatus(c(), 'active')}>
                    Resume
                  </button>
                </Show>
                <Show when={c().status !== 'disconnected'}>
                  <button type="button" class="button button-danger" onClick={() => setDisconnecting(true)}>
                    Disconnect
                  </button>
                </Show>
              </div>
            </header>

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
              open={disconnecting()}
              title={`Disconnect ${c().name}?`}
              description={`${DISCONNECT_WARNING} Saving new settings connects it again.`}
              confirmLabel="Disconnect"
              busy={busy()}
              onConfirm={() => void disconnect(c())}
              onCancel={() => setDisconnecting(false)}
            />
          </>
        )}
      </Show>
    </section>
  );
}
