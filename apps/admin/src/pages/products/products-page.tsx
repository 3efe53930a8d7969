import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { formatCount, plural } from '../../lib/format.ts';
import { FIRST_PAGE, type KeysetPages, nextPage, pageRange, previousPage } from '../../lib/keyset-pages.ts';
import { latest } from '../../lib/latest.ts';
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
  const [pages, setPages] = createSignal<KeysetPages>(FIRST_PAGE);
  const [selection, setSelection] = createSignal<Selection>(EMPTY_SELECTION);
  // A new search, filter or sort starts again at the first page with nothing selected.
  createEffect(
    on(
      query,
      () => {
        setPages(FIRST_PAGE);
        setSelection(EMPTY_SELECTION);
      },
      { defer: true },
    ),
  );

  const [list, { refetch: refetchList, mutate: mutateList }] = createResource(
    () => ({ storeId: storeId(), query: query(), cursor: pages().current }),
    ({ storeId, query, cursor }) =>
      unwrap(
        api.GET('/stores/{storeId}/products', {
          params: {
            path: { storeId },
            query: {
              ...productFilterSearch(productFilterOf(query)),
              sort: query.sort,
              direction: query.direction,
              limit: PAGE_SIZE,
              ...(cursor !== undefined && { cursor }),
            },
          },
        }),
      ),
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

  const items = () => latest(list)?.items ?? [];
  const pageIds = () => items().map((i) => i.id);
  const total = () => latest(count) ?? 0;
  const setQuery = (patch: Partial<ProductQuery>) => setParams(productQueryParams({ ...query(), ...patch }));

  const [creating, setCreating] = createSignal(false);
  const autoSync = createAutoSyncActions(api, {
    storeId,
    channelCount: () => activeChannels().length,
    onProductChanged: (id, value) =>
      mutateList((current) =>
        current
          ? { ...current, items: current.items.map((i) => (i.id === id ? { ...i, autoSync: value } : i)) }
          : current,
      ),
    onBulkChanged: () => {
      setSelection(EMPTY_SELECTION);
      void refetchList();
      void refetchCount();
    },
  });
  const onBulk = (enabled: boolean) =>
    autoSync.bulk(enabled, selectionBody(selection()), selectedCount(selection(), total()));

  // Scroll back to the table's top when paging (the header stays where the merchant expects it).
  let top: HTMLHeadingElement | undefined;
  const goTo = (next: KeysetPages) => {
    setPages(next);
    setSelection(EMPTY_SELECTION);
    top?.scrollIntoView({ block: 'start' });
  };
  const range = () => pageRange(pages(), PAGE_SIZE, items().length);

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

      <Show when={list.error}>
        <p class="form-error" role="alert">
          The products could not be loaded: {errorMessage(list.error)}
        </p>
      </Show>

      <ProductsTable
        storeId={storeId()}
        items={items()}
        channels={activeChannels()}
        query={query()}
        selection={selection()}
        autoSyncOf={autoSync.autoSyncOf}
        busyIds={autoSync.busyIds()}
        loading={list.loading}
        onSort={(column) => setQuery(nextSort(query(), column))}
        onTogglePage={() => setSelection((s) => togglePage(s, pageIds()))}
        onToggleRow={(id) => setSelection((s) => toggleRow(s, id, pageIds()))}
        onAutoSync={autoSync.toggle}
      />
      <Show when={!list.loading && items().length === 0}>
        <p class="empty">No products match. Clear the search or filters, or create a product.</p>
      </Show>

      <nav class="pager" aria-label="Pages">
        <span class="muted">
          {items().length > 0
            ? `Showing ${formatCount(range().from)}–${formatCount(range().to)} of ${formatCount(total())}`
            : ''}
        </span>
        <button
          type="button"
          class="button"
          disabled={pages().previous.length === 0}
          onClick={() => goTo(previousPage(pages()))}
        >
          Previous
        </button>
        <button
          type="button"
          class="button"
          disabled={!latest(list)?.nextCursor}
          onClick={() => {
            const cursor = latest(list)?.nextCursor;
            if (cursor) goTo(nextPage(pages(), cursor));
          }}
        >
          Next
        </button>
      </nav>

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
          void refetchList();
          void refetchCount();
        }}
      />
    </section>
  );
}
