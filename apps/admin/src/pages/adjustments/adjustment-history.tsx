import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import {
  type AdjustmentQuery,
  adjustmentApiQuery,
  adjustmentQueryParams,
  describeLineChange,
  readAdjustmentQuery,
} from '../../lib/adjustment-query.ts';
import { formatTime } from '../../lib/format.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import { useStore } from '../../store/store-context.tsx';
import { Pager } from '../../ui/pager.tsx';

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
            query: { ...adjustmentApiQuery(key.query), limit: PAGE_SIZE, ...(cursor && { cursor }) },
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
        <div class="field">
          <label class="field-label" for="adjustment-from">
            From
          </label>
          <input
            id="adjustment-from"
            class="input"
            type="date"
            value={query().fromDay}
            onChange={(e) => setQuery({ fromDay: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label class="field-label" for="adjustment-to">
            To
          </label>
          <input
            id="adjustment-to"
            class="input"
            type="date"
            value={query().toDay}
            onChange={(e) => setQuery({ toDay: e.currentTarget.value })}
          />
        </div>
      </search>
      <Show when={list.error()}>
        <p class="form-error" role="alert">
          {errorMessage(list.error())}
        </p>
      </Show>
      <div class="table-scroll">
        <table class="table" aria-label="Adjustments" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col">SKU</th>
              <th scope="col">Location</th>
              <th scope="col">Change</th>
              <th scope="col" class="num">
                Before
              </th>
              <th scope="col" class="num">
                After
              </th>
            </tr>
          </thead>
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
                        <A class="sku" href={`/stores/${storeId()}/products/${line().productId}`}>
                          {line().sku}
                        </A>
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
        </table>
      </div>
      <Show when={!list.loading() && list.items().length === 0 && !list.error()}>
        <p class="empty">No adjustments match.</p>
      </Show>
      <Pager label="Adjustment pages" list={list} />
    </section>
  );
}
