import { createSignal } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { ChannelListing } from '../../api/types.ts';
import {
  choiceOf,
  type ListingAutoSyncChoice,
  listingAutoSyncConfirmation,
  listingAutoSyncOptions,
  overrideOf,
} from '../../lib/listing-auto-sync.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { notify } from '../../ui/toaster.tsx';

/**
 * One listing's Auto Sync: follow the product, always on or always off on this channel. The choice shows at
 * once; the server's answer confirms it in a toast and goes to `onChanged`, a failure puts the select back and
 * says why.
 */
export function ListingAutoSyncSelect(props: {
  storeId: number;
  channelId: number;
  channelName: string;
  listing: {
    id: number;
    sku: string;
    autoSyncOverride: boolean | null;
    autoSync: boolean;
    productAutoSync: boolean;
  };
  label: string;
  hideLabel?: boolean;
  onChanged: (listing: ChannelListing) => void;
}) {
  const api = useApi();
  // The choice while the server has not answered; absent = the listing's.
  const [pending, setPending] = createSignal<ListingAutoSyncChoice>();

  const choose = async (choice: ListingAutoSyncChoice) => {
    const { listing } = props;
    const wasOn = listing.autoSync;
    setPending(choice);
    try {
      const updated = await unwrap(
        api.PUT('/stores/{storeId}/channels/{channelId}/listings/{listingId}/auto-sync', {
          params: { path: { storeId: props.storeId, channelId: props.channelId, listingId: listing.id } },
          body: { override: overrideOf(choice) },
        }),
      );
      props.onChanged(updated);
      const { title, detail } = listingAutoSyncConfirmation(updated, props.channelName, wasOn);
      notify('success', title, detail);
    } catch (error) {
      notify(
        'error',
        `Could not change Auto Sync for ${listing.sku} on ${props.channelName}`,
        errorMessage(error),
      );
    } finally {
      setPending(undefined);
    }
  };

  return (
    <SelectField
      class="listing-auto-sync"
      label={props.label}
      hideLabel={props.hideLabel ?? false}
      options={listingAutoSyncOptions(props.listing.productAutoSync)}
      value={pending() ?? choiceOf(props.listing.autoSyncOverride)}
      disabled={pending() !== undefined}
      onChange={(value) => void choose(value as ListingAutoSyncChoice)}
    />
  );
}
