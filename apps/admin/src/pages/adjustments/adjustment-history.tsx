import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import {
  type AdjustmentQuery,
  adjustmentApiQuery,
  adjustmentQueryParams,
  describeLineChange,
  readAdjustmentQuery,
} from '../../lib/adjustment-query.ts';
import { formatTime } from '../../lib/format.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import { useStore } from '../../store/store-context.tsx';
import { DayRangeFields } from '../../ui/day-range-fields.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { Pager } from '../../ui/pager.tsx';
import { SkuLink } from '../../ui/sku-link.tsx';

type Adjustment = components['schemas']['Adjustment'];

const PAGE_SIZE = 25;

function madeBy(adjustment: Adjustment): string {
  const by = adjustment.madeBy;
  if (by.kind === 'system') return 'System';
  const name = by.name ?? 'unknown';
  return by.kind === 'token' ? `API token ${name}` : name;
}

/**
 * Every adjustment of the store, newest first, filtered by SKU and days (kept in the URL). `version` changes
 * when the merchant saves one, which brings the list back to its first page.
 */
export function AdjustmentHistory(props: { version: number }) {
  const api = useApi();
  const { storeId, locationName } = useStore();
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => readAdjustmentQuery(params), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const setQuery = (patch: Partial<AdjustmentQuery>) =>
    setParams(adjustmentQueryParams({ ...query(), ...patch }));
  const [sku, setSku] = createSignal(query().sku);
  const list = createPagedList(
    () => ({ storeId: storeId(), query: query(), version: props.version }),
    PAGE_SIZE,
    (key, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/adjustments', {
          params: {
            path: { storeId: key.storeId },
            query: { ...adjustmentApiQuery(key.query), ...keysetQuery(PAGE_SIZE, cursor) },
          },
        }),
      ),
  );

  return (
    <section class="card" aria-labelledby="adjustment-history-title">
      <h2 id="adjustment-history-title">History</h2>
      <search class="filters" aria-label="Filter adjustments">
        <form
          class="search-field field"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ sku: sku().trim() });
          }}
        >
          <label class="field-label" for="adjustment-sku">
            SKU
          </label>
          <input
            id="adjustment-sku"
            class="input"
            type="search"
            placeholder="Exact SKU, then Enter"
            value={sku()}
            onInput={(e) => setSku(e.currentTarget.value)}
            onChange={(e) => setQuery({ sku: e.currentTarget.value.trim() })}
          />
        </form>
        <DayRangeFields id="adjustment" range={query()} onChange={setQuery} />
      </search>
      <ListTable
        list={list}
        label="Adjustments"
        columns={[
          'When',
          'Reason',
          'By',
          'SKU',
          'Location',
          'Change',
          { label: 'Before', numeric: true },
          { label: 'After', numeric: true },
        ]}
        empty="No adjustments match."
      >
        <For each={list.items()}>
          {(adjustment) => (
            <tbody class="adjustment" data-adjustment-id={adjustment.id}>
              <Index each={adjustment.lines}>
                {(line, i) => (
                  <tr data-sku={line().sku}>
                    <Show when={i === 0}>
                      <td rowSpan={adjustment.lines.length}>{formatTime(adjustment.createdAt)}</td>
                      <td rowSpan={adjustment.lines.length}>
                        {adjustment.reason}
                        <Show when={adjustment.note}>
                          <span class="cell-sub">{adjustment.note}</span>
                        </Show>
                      </td>
                      <td rowSpan={adjustment.lines.length}>{madeBy(adjustment)}</td>
                    </Show>
                    <td>
                      <SkuLink storeId={storeId()} productId={line().productId} sku={line().sku} />
                    </td>
                    <td>{locationName(line().locationId) ?? `#${line().locationId}`}</td>
                    <td>{describeLineChange(line())}</td>
                    <td class="num">{line().before}</td>
                    <td class="num">{line().after}</td>
                  </tr>
                )}
              </Index>
            </tbody>
          )}
        </For>
      </ListTable>
      <Pager label="Adjustment pages" list={list} />
    </section>
  );
}
