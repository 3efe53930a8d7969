import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import type { Channel } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { ACTIONS_COLUMN, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ChannelStatusBadge } from '../../ui/status-badge.tsx';
import { channelActions, DISCONNECT_WARNING } from './channel-actions.ts';
import { ConnectChannelDialog } from './connect-channel-dialog.tsx';

/** The store's channels: status, pending pushes, last push and last error; connect, pause, disconnect. */
export function ChannelsPage() {
  const api = useApi();
  const { storeId, channels, refetchChannels } = useStore();
  const [connecting, setConnecting] = createSignal(false);
  const disconnecting = createConfirmation<Channel>();

  const actions = channelActions(api, storeId, () => refetchChannels());

  return (
    <section class="page">
      <PageHeader
        title="Channels"
        actions={
          <button type="button" class="button button-primary" onClick={() => setConnecting(true)}>
            Connect channel
          </button>
        }
      />
      <ErrorAlert error={channels.error} />
      <Show
        when={(latest(channels) ?? []).length > 0}
        fallback={<p class="empty">No channel connected yet.</p>}
      >
        <DataTable
          label="Channels"
          columns={[
            'Name',
            'Connector',
            'Status',
            { label: 'Pending pushes', numeric: true },
            'Last push',
            'Last error',
            ACTIONS_COLUMN,
          ]}
        >
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
                        onClick={() => disconnecting.ask(channel)}
                      >
                        Disconnect
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </DataTable>
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
        open={disconnecting.isOpen()}
        title={`Disconnect ${disconnecting.subject()?.name ?? ''}?`}
        description={DISCONNECT_WARNING}
        confirmLabel="Disconnect"
        busy={disconnecting.busy()}
        onConfirm={() => void disconnecting.confirm(actions.disconnect)}
        onCancel={disconnecting.dismiss}
      />
    </section>
  );
}
