import type { Accessor } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { unwrap } from '../../api/client.ts';
import type { Channel } from '../../api/types.ts';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';

/**
 * Pausing, resuming and disconnecting a channel, from the channels list or its own page: each outcome is a
 * toast, and `onChanged` gets the channel as the server now has it. Each resolves to whether it went through.
 */
export function channelActions(
  api: ApiClient,
  storeId: Accessor<number>,
  onChanged: (channel: Channel) => void,
) {
  return {
    setStatus: (channel: Channel, status: 'active' | 'paused'): Promise<boolean> =>
      withFailureToast(`Could not ${status === 'paused' ? 'pause' : 'resume'} ${channel.name}`, async () => {
        const updated = await unwrap(
          api.PATCH('/stores/{storeId}/channels/{channelId}', {
            params: { path: { storeId: storeId(), channelId: channel.id } },
            body: { status },
          }),
        );
        notify('success', `${channel.name} ${status === 'paused' ? 'paused' : 'resumed'}`);
        onChanged(updated);
      }),
    disconnect: (channel: Channel): Promise<boolean> =>
      withFailureToast(`Could not disconnect ${channel.name}`, async () => {
        const updated = await unwrap(
          api.POST('/stores/{storeId}/channels/{channelId}/disconnect', {
            params: { path: { storeId: storeId(), channelId: channel.id } },
          }),
        );
        notify(
          'success',
          `${channel.name} disconnected`,
          'Its credentials were deleted; its history is kept.',
        );
        onChanged(updated);
      }),
  };
}

/** What the disconnect confirmation says, on the list and on the channel's page alike. */
export const DISCONNECT_WARNING =
  'Pushes and order webhooks stop and the stored credentials are deleted. Its listings and Sync History are kept.';
