import { For, Show } from 'solid-js';
import type { FeedRun } from '../../api/types.ts';
import { skuList } from '../../lib/feed-run-summary.ts';
import { formatCount, formatTime } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';

/** A feed's recent runs (pulled or pushed), newest first: what each applied, or why it failed. */
export function FeedRuns(props: { runs: readonly FeedRun[] }) {
  return (
    <section class="card" aria-labelledby="feed-runs-title">
      <h2 id="feed-runs-title">Recent runs</h2>
      <Show when={props.runs.length > 0} fallback={<p class="empty">No run yet.</p>}>
        <DataTable
          label="Feed runs"
          columns={[
            'When',
            'Result',
            { label: 'Rows', numeric: true },
            { label: 'Changed', numeric: true },
            'Unknown SKUs',
            'Error',
          ]}
        >
          <tbody>
            <For each={props.runs}>
              {(run) => (
                <tr>
                  <td>{formatTime(run.at)}</td>
                  <td>
                    <Show
                      when={run.status === 'failed'}
                      fallback={<span class="badge badge-succeeded">Applied</span>}
                    >
                      <span class="badge badge-failed">Failed</span>
                    </Show>
                  </td>
                  <td class="num">{formatCount(run.rowCount)}</td>
                  <td class="num">{formatCount(run.changed)}</td>
                  <td class="break">{run.unknownSkus.length > 0 ? skuList(run.unknownSkus) : '—'}</td>
                  <td class="break error-text">{run.error ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </DataTable>
      </Show>
    </section>
  );
}
