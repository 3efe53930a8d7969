import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ChannelStatusBadge } from '../../ui/status-badge.tsx';
import { channelActions, DISCONNECT_WARNING } from './channel-actions.ts';
import { ConnectChannelDialog } from './connect-channel-dialog.tsx';

/** The store's channels: status, pending pushes, last push and last error; connect, pause, disconnect. */
export function ChannelsPage() {
  const api = useApi();
  const { storeId, channels, refetchChannels } = useStore();
  const [connecting, setConnecting] = createSignal(false);
  const [disconnecting, setDisconnecting] = createSignal<Channel>();
  const [busy, setBusy] = createSignal(false);

  const actions = channelActions(api, storeId, () => refetchChannels());

  const disconnect = async () => {
    const channel = disconnecting();
    if (!channel) return;
    setBusy(true);
    if (await actions.disconnect(channel)) setDisconnecting(undefined);
    setBusy(false);
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Channels</h1>
        <div class="page-actions">
          <button type="button" class="button button-primary" onClick={() => setConnecting(true)}>
            Connect channel
          </button>
        </div>
      </header>
      <Show when={channels.error}>
        <p class="form-error" role="alert">
          {errorMessage(channels.error)}
        </p>
      </Show>
      <Show
        when={(latest(channels) ?? []).length > 0}
        fallback={<p class="empty">No channel connected yet.</p>}
      >
        <div class="table-scroll">
          <table class="table" aria-label="Channels">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Connector</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Pending pushes
                </th>
                <th scope="col">Last push</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={latest(channels)}>
                {(channel) => (
                  <tr>
                    <td>
                      <A href={`/stores/${storeId()}/channels/${channel.id}`}>
                        <strong>{channel.name}</strong>
                      </A>
                      <Show when={channel.webhookUrl}>
                        <span class="cell-sub">Order webhook: {channel.webhookUrl}</span>
                      </Show>
                    </td>
                    <td>{channel.connectorId}</td>
                    <td>
                      <ChannelStatusBadge status={channel.status} />
                    </td>
                    <td class="num">{channel.sync.pendingPushes}</td>
                    <td>{channel.sync.lastPushAt ? formatTime(channel.sync.lastPushAt) : 'Never'}</td>
                    <td>
                      <Show when={channel.sync.lastError} fallback="—">
                        {(err) => (
                          <span class="error-text">
                            {err().message ?? err().code} <span class="cell-sub">{formatTime(err().at)}</span>
                          </span>
                        )}
                      </Show>
                    </td>
                    <td class="row-actions">
                      <Show when={channel.status === 'active'}>
                        <button
                          type="button"
                          class="button button-small"
                          onClick={() => void actions.setStatus(channel, 'paused')}
                        >
                          Pause
                        </button>
                      </Show>
                      <Show when={channel.status === 'paused'}>
                        <button
                          type="button"
                          class="button button-small"
                          onClick={() => void actions.setStatus(channel, 'active')}
                        >
                          Resume
                        </button>
                      </Show>
                      <Show when={channel.status !== 'disconnected'}>
                        <button
                          type="button"
                          class="button button-small button-danger"
                          onClick={() => setDisconnecting(channel)}
                        >
                          Disconnect
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <ConnectChannelDialog
        storeId={storeId()}
        open={connecting()}
        onOpenChange={setConnecting}
        onConnected={() => {
          setConnecting(false);
          refetchChannels();
        }}
      />
      <ConfirmDialog
        open={disconnecting() !== undefined}
        title={`Disconnect ${disconnecting()?.name ?? ''}?`}
        description={DISCONNECT_WARNING}
        confirmLabel="Disconnect"
        busy={busy()}
        onConfirm={() => void disconnect()}
        onCancel={() => setDisconnecting(undefined)}
      />
    </section>
  );
}
