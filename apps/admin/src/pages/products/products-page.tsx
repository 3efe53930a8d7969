import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { formatCount, plural } from '../../lib/format.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { latest } from '../../lib/latest.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import {
  nextSort,
  type ProductQuery,
  productFilterOf,
  productFilterSearch,
  productQueryParams,
  readProductQuery,
} from '../../lib/product-query.ts';
import {
  EMPTY_SELECTION,
  offersSelectAll,
  type Selection,
  selectedCount,
  selectionBody,
  togglePage,
  toggleRow,
} from '../../lib/selection.ts';
import { useStore } from '../../store/store-context.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager } from '../../ui/pager.tsx';
import { createAutoSyncActions } from './auto-sync-actions.ts';
import { AutoSyncWarning } from './auto-sync-warning.tsx';
import { BulkActionsMenu } from './bulk-actions-menu.tsx';
import { CreateProductDialog } from './create-product-dialog.tsx';
import { MoreActionsMenu } from './more-actions-menu.tsx';
import { ProductFilters } from './product-filters.tsx';
import { ProductsTable } from './products-table.tsx';

export const PAGE_SIZE = 50;

export function ProductsPage() {
  const api = useApi();
  const { storeId, activeChannels } = useStore();
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => readProductQuery(params), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const filter = createMemo(() => productFilterOf(query()), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [selection, setSelection] = createSignal<Selection>(EMPTY_SELECTION);
  // A new search, filter or sort starts again at the first page (the list does) with nothing selected.
  createEffect(on(query, () => setSelection(EMPTY_SELECTION), { defer: true }));

  // Scroll back to the table's top when paging (the header stays where the merchant expects it).
  let top: HTMLHeadingElement | undefined;
  const list = createPagedList(
    () => ({ storeId: storeId(), query: query() }),
    PAGE_SIZE,
    ({ storeId, query }, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/products', {
          params: {
            path: { storeId },
            query: {
              ...productFilterSearch(productFilterOf(query)),
              sort: query.sort,
              direction: query.direction,
              ...keysetQuery(PAGE_SIZE, cursor),
            },
          },
        }),
      ),
    {
      onPage: () => {
        setSelection(EMPTY_SELECTION);
        top?.scrollIntoView({ block: 'start' });
      },
    },
  );
  const [count, { refetch: refetchCount }] = createResource(
    () => ({ storeId: storeId(), filter: filter() }),
    ({ storeId, filter }) =>
      unwrap(
        api.GET('/stores/{storeId}/products/count', {
          params: { path: { storeId }, query: productFilterSearch(filter) },
        }),
      ).then((r) => r.count),
  );

  const items = list.items;
  const pageIds = () => items().map((i) => i.id);
  const total = () => latest(count) ?? 0;
  const setQuery = (patch: Partial<ProductQuery>) => setParams(productQueryParams({ ...query(), ...patch }));

  const [creating, setCreating] = createSignal(false);
  const autoSync = createAutoSyncActions(api, {
    storeId,
    channelCount: () => activeChannels().length,
    onProductChanged: (id, value) =>
      list.updateItems((items) => items.map((i) => (i.id === id ? { ...i, autoSync: value } : i))),
    onBulkChanged: () => {
      setSelection(EMPTY_SELECTION);
      list.reload();
      void refetchCount();
    },
  });
  const onBulk = (enabled: boolean) =>
    autoSync.bulk(enabled, selectionBody(selection()), selectedCount(selection(), total()));

  return (
    <section class="page">
      <header class="page-header">
        <h1 ref={top}>Products</h1>
        <div class="page-actions">
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create Product
          </button>
          <MoreActionsMenu storeId={storeId()} />
        </div>
      </header>

      <ProductFilters query={query()} channels={activeChannels()} onChange={setQuery} />

      <div class="table-toolbar">
        <BulkActionsMenu
          selectedCount={selectedCount(selection(), total())}
          onTurnOn={() => onBulk(true)}
          onTurnOff={() => onBulk(false)}
        />
        <span class="muted" aria-live="polite">
          <Show when={selectedCount(selection(), total()) > 0} fallback={`${plural(total(), 'product')}`}>
            {plural(selectedCount(selection(), total()), 'product')} selected
          </Show>
        </span>
      </div>

      <Show when={offersSelectAll(selection(), pageIds(), total())}>
        <div class="selection-banner" role="status">
          All {plural(pageIds().length, 'product')} on this page are selected.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => setSelection({ kind: 'all', filter: filter() })}
          >
            Select all {formatCount(total())} matching
          </button>
        </div>
      </Show>
      <Show when={selection().kind === 'all'}>
        <div class="selection-banner" role="status">
          All {plural(total(), 'matching product')} are selected.{' '}
          <button type="button" class="link-button" onClick={() => setSelection(EMPTY_SELECTION)}>
            Clear selection
          </button>
        </div>
      </Show>

      <ErrorAlert error={list.error()} lead="The products could not be loaded: " />

      <ProductsTable
        storeId={storeId()}
        items={items()}
        channels={activeChannels()}
        query={query()}
        selection={selection()}
        autoSyncOf={autoSync.autoSyncOf}
        busyIds={autoSync.busyIds()}
        loading={list.loading()}
        onSort={(column) => setQuery(nextSort(query(), column))}
        onTogglePage={() => setSelection((s) => togglePage(s, pageIds()))}
        onToggleRow={(id) => setSelection((s) => toggleRow(s, id, pageIds()))}
        onAutoSync={autoSync.toggle}
      />
      <Show when={!list.loading() && items().length === 0}>
        <p class="empty">No products match. Clear the search or filters, or create a product.</p>
      </Show>

      <Pager label="Pages" list={list} total={total()} />

      <AutoSyncWarning
        storeId={storeId()}
        request={autoSync.warning.request()}
        busy={autoSync.warning.busy()}
        onConfirm={() => void autoSync.warning.confirm()}
        onCancel={autoSync.warning.cancel}
      />
      <CreateProductDialog
        storeId={storeId()}
        open={creating()}
        onOpenChange={setCreating}
        onCreated={() => {
          setCreating(false);
          list.reload();
          void refetchCount();
        }}
      />
    </section>
  );
}
