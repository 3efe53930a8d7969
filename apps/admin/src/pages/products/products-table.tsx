import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { Channel, ProductListItem } from '../../api/types.ts';
import { formatQuantity } from '../../lib/format.ts';
import { listingOverrideMarker } from '../../lib/listing-auto-sync.ts';
import type { ProductQuery, ProductSort } from '../../lib/product-query.ts';
import { headerState, isSelected, type Selection } from '../../lib/selection.ts';
import { CheckBox } from '../../ui/check-box.tsx';
import { ToggleSwitch } from '../../ui/toggle-switch.tsx';

export interface ProductsTableProps {
  storeId: number;
  items: ProductListItem[];
  channels: Channel[];
  query: ProductQuery;
  selection: Selection;
  /** The Sync toggle's shown state: the pending value while a change is in flight or awaiting confirmation. */
  autoSyncOf: (item: ProductListItem) => boolean;
  busyIds: ReadonlySet<number>;
  onSort: (column: ProductSort) => void;
  onTogglePage: () => void;
  onToggleRow: (id: number) => void;
  onAutoSync: (item: ProductListItem, enabled: boolean) => void;
  loading: boolean;
}

/** The products table: selection checkboxes, stock columns, one Syncable column per channel, Sync toggles. */
export function ProductsTable(props: ProductsTableProps) {
  const pageIds = () => props.items.map((i) => i.id);
  const header = () => headerState(props.selection, pageIds());
  return (
    <div class="table-scroll">
      <table class="table products-table" aria-label="Products" aria-busy={props.loading}>
        <thead>
          <tr>
            <th scope="col" class="col-check">
              <CheckBox
                label="Select all products on this page"
                checked={header() === 'checked'}
                indeterminate={header() === 'indeterminate'}
                onChange={() => props.onTogglePage()}
                disabled={props.items.length === 0}
              />
            </th>
            <SortHeader column="sku" query={props.query} onSort={props.onSort}>
              SKU
            </SortHeader>
            <SortHeader column="name" query={props.query} onSort={props.onSort}>
              Name
            </SortHeader>
            <th scope="col" class="num">
              On hand
            </th>
            <th scope="col" class="num">
              Committed
            </th>
            <th scope="col" class="num">
              Available
            </th>
            <For each={props.channels}>
              {(channel) => (
                <th scope="col" class="num" title={`Syncable balance pushed to ${channel.name}`}>
                  Syncable
                  <span class="th-sub">{channel.name}</span>
                </th>
              )}
            </For>
            <th scope="col" class="col-sync">
              Sync
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(item) => (
              <tr classList={{ selected: isSelected(props.selection, item.id) }} data-sku={item.sku}>
                <td class="col-check">
                  <CheckBox
                    label={`Select ${item.sku}`}
                    checked={isSelected(props.selection, item.id)}
                    onChange={() => props.onToggleRow(item.id)}
                  />
                </td>
                <td class="sku">
                  <A href={`/stores/${props.storeId}/products/${item.id}`}>{item.sku}</A>
                  <Show when={item.kind !== 'simple'}>
                    <span class="kind-tag">{item.kind}</span>
                  </Show>
                </td>
                <td>{item.name}</td>
                <td class="num">{formatQuantity(item.onHand)}</td>
                <td class="num">{formatQuantity(item.committed)}</td>
                <td class="num">{formatQuantity(item.available)}</td>
                <For each={props.channels}>
                  {(channel) => {
                    const q = () => item.channels.find((c) => c.channelId === channel.id);
                    return (
                      <td class="num" title={q()?.unknownReason}>
                        <Show when={q()} fallback="—">
                          {(found) => (
                            <>
                              {found().quantity === null ? 'Unknown' : formatQuantity(found().quantity)}
                              <OverrideMarker
                                override={found().autoSyncOverride}
                                channelName={channel.name}
                              />
                            </>
                          )}
                        </Show>
                      </td>
                    );
                  }}
                </For>
                <td class="col-sync">
                  <ToggleSwitch
                    label={`Auto Sync for ${item.sku}`}
                    hideLabel
                    checked={props.autoSyncOf(item)}
                    disabled={props.busyIds.has(item.id)}
                    onChange={(enabled) => props.onAutoSync(item, enabled)}
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** A badge beside a channel's number when its listing is always on or always off, whatever the product says. */
function OverrideMarker(props: { override: boolean | null; channelName: string }) {
  const marker = () => listingOverrideMarker(props.override, props.channelName);
  return (
    <Show when={marker()}>
      {(m) => (
        <span
          class={`badge listing-override ${props.override ? 'badge-pending' : 'badge-skipped'}`}
          title={m().description}
        >
          {m().label}
          <span class="sr-only">: {m().description}</span>
        </span>
      )}
    </Show>
  );
}

function SortHeader(props: {
  column: ProductSort;
  query: ProductQuery;
  onSort: (column: ProductSort) => void;
  children: JSX.Element;
}) {
  const active = () => props.query.sort === props.column;
  const sort = () => (active() ? (props.query.direction === 'asc' ? 'ascending' : 'descending') : 'none');
  return (
    <th scope="col" aria-sort={sort()}>
      <button type="button" class="sort-button" onClick={() => props.onSort(props.column)}>
        {props.children}
        <span aria-hidden="true" class="sort-arrow">
          {active() ? (props.query.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
