import { createSignal, For, Show } from 'solid-js';
import type { SyncActivity } from '../../api/types.ts';
import { activityBars, niceMax } from '../../lib/activity-chart.ts';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

/**
 * Pushes and failures per time bucket as stacked SVG bars. The SVG is one labelled image for screen readers;
 * the same numbers are one click away as a table.
 */
export function ActivityChart(props: { activity: SyncActivity; label: string }) {
  const [asTable, setAsTable] = createSignal(false);
  const bars = () => activityBars(props.activity.buckets);
  const max = () => niceMax(Math.max(0, ...bars().map((b) => b.pushes + b.failures + b.other)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = () => plotW / Math.max(bars().length, 1);
  const y = (value: number) => PAD.top + plotH - (value / max()) * plotH;
  const totals = () =>
    bars().reduce((t, b) => ({ pushes: t.pushes + b.pushes, failures: t.failures + b.failures }), {
      pushes: 0,
      failures: 0,
    });
  const tick = (start: number) =>
    new Date(start).toLocaleString(
      undefined,
      props.activity.bucketMs >= 86_400_000 / 4
        ? { month: 'short', day: 'numeric' }
        : { hour: '2-digit', minute: '2-digit' },
    );
  const labelEvery = () => Math.ceil(bars().length / 8);

  return (
    <figure class="chart">
      <figcaption class="chart-caption">
        <span>{props.label}</span>
        <span class="legend">
          <span class="legend-item legend-pushes">Pushes ({totals().pushes})</span>
          <span class="legend-item legend-failures">Failures ({totals().failures})</span>
          <span class="legend-item legend-other">Other</span>
        </span>
        <button
          type="button"
          class="link-button"
          aria-pressed={asTable()}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable() ? 'Show chart' : 'Show as table'}
        </button>
      </figcaption>
      <Show
        when={!asTable()}
        fallback={
          <div class="table-scroll chart-table">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col" class="num">
                    Pushes
                  </th>
                  <th scope="col" class="num">
                    Failures
                  </th>
                  <th scope="col" class="num">
                    Other
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={bars()}>
                  {(b) => (
                    <tr>
                      <td>{new Date(b.start).toLocaleString()}</td>
                      <td class="num">{b.pushes}</td>
                      <td class="num">{b.failures}</td>
                      <td class="num">{b.other}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        }
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          class="chart-svg"
          role="img"
          aria-label={`${props.label}: ${totals().pushes} pushes and ${totals().failures} failures`}
        >
          <For each={[0, 0.5, 1]}>
            {(f) => (
              <g>
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max() * f)} y2={y(max() * f)} class="grid" />
                <text x={PAD.left - 6} y={y(max() * f) + 4} class="axis-label" text-anchor="end">
                  {Math.round(max() * f)}
                </text>
              </g>
            )}
          </For>
          <For each={bars()}>
            {(b, i) => {
              const x = () => PAD.left + i() * barW() + 1;
              const w = () => Math.max(barW() - 2, 1);
              return (
                <g>
                  <title>
                    {`${new Date(b.start).toLocaleString()}: ${b.pushes} pushes, ${b.failures} failures, ${b.other} other`}
                  </title>
                  <rect x={x()} width={w()} y={y(b.pushes)} height={y(0) - y(b.pushes)} class="bar-pushes" />
                  <rect
                    x={x()}
                    width={w()}
                    y={y(b.pushes + b.failures)}
                    height={y(b.pushes) - y(b.pushes + b.failures)}
                    class="bar-failures"
                  />
                  <rect
                    x={x()}
                    width={w()}
                    y={y(b.pushes + b.failures + b.other)}
                    height={y(b.pushes + b.failures) - y(b.pushes + b.failures + b.other)}
                    class="bar-other"
                  />
                  <Show when={i() % labelEvery() === 0}>
                    <text x={x() + w() / 2} y={HEIGHT - 8} class="axis-label" text-anchor="middle">
                      {tick(b.start)}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </svg>
      </Show>
    </figure>
  );
}
