import type { Accessor } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
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
    async setStatus(channel: Channel, status: 'active' | 'paused'): Promise<boolean> {
      try {
        const updated = await unwrap(
          api.PATCH('/stores/{storeId}/channels/{channelId}', {
            params: { path: { storeId: storeId(), channelId: channel.id } },
            body: { status },
          }),
        );
        notify('success', `${channel.name} ${status === 'paused' ? 'paused' : 'resumed'}`);
        onChanged(updated);
        return true;
      } catch (error) {
        notify(
          'error',
          `Could not ${status === 'paused' ? 'pause' : 'resume'} ${channel.name}`,
          errorMessage(error),
        );
        return false;
      }
    },
    async disconnect(channel: Channel): Promise<boolean> {
      try {
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
        return true;
      } catch (error) {
        notify('error', `Could not disconnect ${channel.name}`, errorMessage(error));
        return false;
      }
    },
  };
}

/** What the disconnect confirmation says, on the list and on the channel's page alike. */
export const DISCONNECT_WARNING =
  'Pushes and order webhooks stop and the stored credentials are deleted. Its listings and Sync History are kept.';
