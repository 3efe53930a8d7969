import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { SyncHistoryEntry } from '../../api/types.ts';
import { causeLabel } from '../../lib/cause-labels.ts';
import { filteredCauseReference } from '../../lib/cause-reference.ts';
import { formatQuantity, formatTime, humanize } from '../../lib/format.ts';
import {
  acceptsLiveEntries,
  type HistoryQuery,
  historyApiQuery,
  historyHref,
  historyQueryParams,
  mergeEntries,
  readHistoryQuery,
  SYNC_STATUSES,
  streamSearch,
} from '../../lib/history-query.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { DayRangeFields } from '../../ui/day-range-fields.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { CauseFilterLink, CauseReference } from './cause-reference.tsx';
import { ExplanationView } from './explanation-view.tsx';
import { ProductPicker } from './product-picker.tsx';
import { ReasonFilter } from './reason-filter.tsx';

const PAGE_SIZE = 50;

const LIVE_TEXT = {
  live: 'Live: new entries appear automatically',
  connecting: 'Connecting to live updates…',
  off: 'Not live (the date range has ended)',
  stopped: 'Live updates stopped: reload the page to resume',
} as const;

export function SyncHistoryPage() {
  const api = useApi();
  const { storeId, channels } = useStore();
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => readHistoryQuery(params), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const setQuery = (patch: Partial<HistoryQuery>) => setParams(historyQueryParams({ ...query(), ...patch }));

  const [entries, setEntries] = createSignal<SyncHistoryEntry[]>([]);
  const [nextCursor, setNextCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [fresh, setFresh] = createSignal(new Set<number>());
  const [live, setLive] = createSignal<'connecting' | 'live' | 'off' | 'stopped'>('off');

  async function load(cursor?: string) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await unwrap(
        api.GET('/stores/{storeId}/sync-history', {
          params: {
            path: { storeId: storeId() },
            query: { ...historyApiQuery(query()), ...keysetQuery(PAGE_SIZE, cursor) },
          },
        }),
      );
      setEntries((current) => (cursor ? mergeEntries(current, page.items) : page.items));
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  createEffect(on([storeId, query], () => void load()));

  // New entries arrive over Server-Sent Events with the same filters; the browser reconnects by itself and
  // resumes after the last id it saw.
  createEffect(
    on([storeId, query], ([id, q]) => {
      if (!acceptsLiveEntries(q, Date.now())) {
        setLive('off');
        return;
      }
      const source = new EventSource(`/api/v1/stores/${id}/sync-history/stream${streamSearch(q)}`);
      setLive('connecting');
      source.addEventListener('ready', () => setLive('live'));
      source.addEventListener('entry', (event) => {
        const entry = JSON.parse((event as MessageEvent<string>).data) as SyncHistoryEntry;
        setEntries((current) => mergeEntries(current, [entry]));
        setFresh((s) => new Set(s).add(entry.id));
      });
      // The browser retries a dropped stream by itself; a refused one (signed out, 4xx) it gives up on.
      source.addEventListener('error', () =>
        setLive(source.readyState === EventSource.CLOSED ? 'stopped' : 'connecting'),
      );
      onCleanup(() => {
        source.close();
        setLive('off');
      });
    }),
  );

  const channelOptions = () => [
    { value: '', label: 'Any channel' },
    ...(latest(channels) ?? []).map((c) => ({ value: String(c.id), label: c.name })),
  ];

  return (
    <section class="page">
      <header class="page-header">
        <h1>Sync History</h1>
        <span class={`live-indicator live-${live()}`} role="status">
          {LIVE_TEXT[live()]}
        </span>
      </header>
      <search class="filters" aria-label="Filter Sync History">
        <ProductPicker
          storeId={storeId()}
          productId={query().productId}
          onChange={(productId) => setQuery({ productId })}
        />
        <SelectField
          label="Channel"
          value={query().channelId?.toString() ?? ''}
          options={channelOptions()}
          onChange={(value) => setQuery({ channelId: value ? Number(value) : undefined })}
        />
        <SelectField
          label="Status"
          value={query().status}
          options={[
            { value: '', label: 'Any status' },
            ...SYNC_STATUSES.map((s) => ({ value: s, label: humanize(s) })),
          ]}
          onChange={(value) => setQuery({ status: value as HistoryQuery['status'] })}
        />
        <ReasonFilter
          causeType={query().causeType}
          causeRef={query().causeRef}
          reference={filteredCauseReference(query(), entries())}
          onChange={setQuery}
        />
        <DayRangeFields id="history" range={query()} onChange={setQuery} />
      </search>

      <ListTable
        list={{ items: entries, loading, error }}
        label="Sync History"
        class="history-table"
        columns={[
          'Time',
          'Product',
          'Channel',
          'Status',
          { label: 'Quantity sent', numeric: true },
          { label: 'Previous quantity', numeric: true },
          'Reason',
          { label: 'Details', hidden: true },
        ]}
        empty="No pushes match these filters yet."
        errorLead="Sync History could not be loaded: "
      >
        <For each={entries()}>
          {(entry) => (
            <HistoryRow
              storeId={storeId()}
              entry={entry}
              fresh={fresh().has(entry.id)}
              causeHref={historyHref(storeId(), {
                ...query(),
                causeType: entry.cause.type,
                causeRef: entry.cause.ref,
              })}
            />
          )}
        </For>
      </ListTable>
      <div class="pager">
        <Show when={nextCursor()}>
          {(cursor) => (
            <button type="button" class="button" disabled={loading()} onClick={() => void load(cursor())}>
              {loading() ? 'Loading…' : 'Load older entries'}
            </button>
          )}
        </Show>
      </div>
    </section>
  );
}

/**
 * `causeHref`: this page filtered by the row's cause (its type and ref), the other filters kept. The reason
 * names the cause as the merchant knows it and links to it (an order, a feed); a funnel beside it filters.
 */
function HistoryRow(props: { storeId: number; entry: SyncHistoryEntry; fresh: boolean; causeHref: string }) {
  const [open, setOpen] = createSignal(false);
  const detailsId = `history-why-${props.entry.id}`;
  const e = () => props.entry;
  return (
    <tbody class="history-entry" classList={{ fresh: props.fresh }} data-entry-id={e().id}>
      <tr>
        <td>
          <time datetime={new Date(e().createdAt).toISOString()}>{formatTime(e().createdAt)}</time>
        </td>
        <td>
          <span class="sku">{e().sku}</span>
          <span class="cell-sub">{e().productName}</span>
        </td>
        <td>{e().channelName}</td>
        <td>
          <StatusBadge status={e().status} />
          <Show when={e().errorMessage}>
            <span class="cell-sub error-text">{e().errorMessage}</span>
          </Show>
        </td>
        <td class="num">{e().quantity === null ? 'Held (unknown)' : formatQuantity(e().quantity)}</td>
        <td class="num">
          {e().previousQuantity === null ? 'Unknown' : formatQuantity(e().previousQuantity)}
        </td>
        <td>
          {causeLabel(e().cause.type)}
          <Show when={e().cause.ref}>
            <span class="cell-sub cause-reference">
              <CauseReference storeId={props.storeId} cause={e().cause} />
              <CauseFilterLink href={props.causeHref} cause={e().cause} />
            </span>
          </Show>
        </td>
        <td>
          <button
            type="button"
            class="link-button"
            aria-expanded={open()}
            aria-controls={detailsId}
            onClick={() => setOpen((v) => !v)}
          >
            Why this number?
          </button>
        </td>
      </tr>
      <Show when={open()}>
        <tr class="details-row" id={detailsId}>
          <td colSpan={8}>
            <ExplanationView storeId={props.storeId} entry={e()} />
          </td>
        </tr>
      </Show>
    </tbody>
  );
}
