import { createSignal, For } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { formatQuantity, formatTime, plural } from '../../lib/format.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { channelItemId, LISTING_STATUS_LABELS, listingStatus } from '../../lib/listing-status.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Pager } from '../../ui/pager.tsx';
import { SkuLink } from '../../ui/sku-link.tsx';
import { notify } from '../../ui/toaster.tsx';
import { ListingAutoSyncSelect } from './listing-auto-sync-select.tsx';

const PAGE_SIZE = 25;

/** The channel's items linked to products, with what was pushed and what the channel reported; match by SKU. */
export function ChannelListings(props: { storeId: number; channel: Channel }) {
  const api = useApi();
  const list = createPagedList(
    () => ({ storeId: props.storeId, channelId: props.channel.id }),
    PAGE_SIZE,
    (path, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/channels/{channelId}/listings', {
          params: { path, query: keysetQuery(PAGE_SIZE, cursor) },
        }),
      ),
  );
  const [matching, setMatching] = createSignal(false);

  const match = async () => {
    setMatching(true);
    try {
      const result = await unwrap(
        api.POST('/stores/{storeId}/channels/{channelId}/match-listings', {
          params: { path: { storeId: props.storeId, channelId: props.channel.id } },
        }),
      );
      const missing = [
        result.unmatched > 0 ? `${plural(result.unmatched, 'SKU')} not on the channel` : '',
        result.duplicates > 0 ? `${plural(result.duplicates, 'SKU')} listed twice (not linked)` : '',
      ].filter(Boolean);
      notify(
        'success',
        `${plural(result.matched, 'listing')} matched by SKU`,
        [`${result.newlyLinked} newly linked of ${plural(result.checked, 'SKU')} checked.`, ...missing].join(
          ' ',
        ),
      );
      list.reload();
    } catch (error) {
      notify('error', `Could not match listings on ${props.channel.name}`, errorMessage(error));
    } finally {
      setMatching(false);
    }
  };

  return (
    <section class="card" aria-labelledby="listings-title">
      <header class="card-header">
        <h2 id="listings-title">Listings</h2>
        <button
          type="button"
          class="button"
          disabled={props.channel.status === 'disconnected'}
          aria-busy={matching()}
          onClick={() => void (matching() || match())}
        >
          {matching() ? 'Matching…' : 'Match listings by SKU'}
        </button>
      </header>
      <ListTable
        list={list}
        label="Listings"
        columns={[
          'SKU',
          'Channel item',
          'Last pushed',
          { label: 'Pushed', numeric: true },
          { label: 'Channel reported', numeric: true },
          'Status',
          'Auto Sync',
        ]}
        empty="No listing linked yet. Match listings by SKU to link the channel's items."
      >
        <tbody>
          <For each={list.items()}>
            {(listing) => (
              <tr data-sku={listing.sku}>
                <td>
                  <SkuLink storeId={props.storeId} productId={listing.productId} sku={listing.sku} />
                  <span class="cell-sub">{listing.productName}</span>
                </td>
                <td>
                  <code>{channelItemId(listing.channelRef)}</code>
                </td>
                <td>{listing.lastPushedAt === null ? 'Never' : formatTime(listing.lastPushedAt)}</td>
                <td class="num">{formatQuantity(listing.lastPushedQuantity)}</td>
                <td class="num">{formatQuantity(listing.channelQuantity)}</td>
                <td>{LISTING_STATUS_LABELS[listingStatus(listing)]}</td>
                <td>
                  <ListingAutoSyncSelect
                    storeId={props.storeId}
                    channelId={props.channel.id}
                    channelName={props.channel.name}
                    listing={listing}
                    label={`Auto Sync for ${listing.sku}`}
                    hideLabel
                    onChanged={(updated) =>
                      list.updateItems((items) =>
                        items.map((item) => (item.id === updated.id ? updated : item)),
                      )
                    }
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </ListTable>
      <Pager label="Listing pages" list={list} />
    </section>
  );
}
