import { A } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { activityRange } from '../../lib/activity-chart.ts';
import { formatCount, formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ChannelStatusBadge } from '../../ui/status-badge.tsx';
import { ActivityChart } from './activity-chart.tsx';

const REFRESH_MS = 30_000;

/** The Ecommerce Dashboard: sync activity over time, what needs attention, the channels at a glance. */
export function DashboardPage() {
  const api = useApi();
  const { storeId, store, channels } = useStore();
  const [span, setSpan] = createSignal<'24h' | '7d'>('24h');
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  const [activity] = createResource(
    () => ({ storeId: storeId(), ...activityRange(span(), now()) }),
    ({ storeId, from, to, bucketMs }) =>
      unwrap(
        api.GET('/stores/{storeId}/sync-activity', {
          params: { path: { storeId }, query: { from: String(from), to: String(to), bucket: bucketMs } },
        }),
      ),
  );
  const countOf = (syncStatus?: 'failed' | 'pending') =>
    unwrap(
      api.GET('/stores/{storeId}/products/count', {
        params: { path: { storeId: storeId() }, query: syncStatus ? { syncStatus } : {} },
      }),
    ).then((r) => r.count);
  const [counts] = createResource(
    () => ({ storeId: storeId(), now: now() }),
    async () => {
      const [products, failed, pending] = await Promise.all([
        countOf(),
        countOf('failed'),
        countOf('pending'),
      ]);
      return { products, failed, pending };
    },
  );
  const base = () => `/stores/${storeId()}`;
  const stat = (key: 'products' | 'pending' | 'failed') => {
    const loaded = latest(counts);
    return loaded ? formatCount(loaded[key]) : '…';
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Ecommerce Dashboard</h1>
        <span class="muted">{latest(store)?.name}</span>
      </header>

      <div class="stat-grid">
        <A class="card stat" href={`${base()}/products`}>
          <span class="stat-value">{stat('products')}</span>
          <span class="stat-label">Products</span>
        </A>
        <A class="card stat" href={`${base()}/products?syncStatus=pending`}>
          <span class="stat-value">{stat('pending')}</span>
          <span class="stat-label">Waiting to push</span>
        </A>
        <A
          class="card stat"
          classList={{ 'stat-alert': (latest(counts)?.failed ?? 0) > 0 }}
          href={`${base()}/products?syncStatus=failed`}
        >
          <span class="stat-value">{stat('failed')}</span>
          <span class="stat-label">Last push failed</span>
        </A>
      </div>

      <section class="card" aria-labelledby="activity-title">
        <header class="card-header">
          <h2 id="activity-title">Sync activity</h2>
          <fieldset class="segmented">
            <legend class="sr-only">Time range</legend>
            <button
              type="button"
              class="button button-small"
              aria-pressed={span() === '24h'}
              onClick={() => setSpan('24h')}
            >
              Last 24 hours
            </button>
            <button
              type="button"
              class="button button-small"
              aria-pressed={span() === '7d'}
              onClick={() => setSpan('7d')}
            >
              Last 7 days
            </button>
          </fieldset>
        </header>
        <ErrorAlert error={activity.error} />
        <Show when={latest(activity)}>
          {(loaded) => (
            <ActivityChart
              activity={loaded()}
              label={span() === '24h' ? 'Pushes per hour, last 24 hours' : 'Pushes per 6 hours, last 7 days'}
            />
          )}
        </Show>
      </section>

      <section class="card" aria-labelledby="channels-title">
        <header class="card-header">
          <h2 id="channels-title">Channels</h2>
          <A href={`${base()}/channels`}>Manage channels</A>
        </header>
        <Show
          when={(latest(channels) ?? []).length > 0}
          fallback={<p class="empty">No channel connected yet.</p>}
        >
          <ul class="channel-summary">
            <For each={latest(channels)}>
              {(channel) => (
                <li>
                  <strong>{channel.name}</strong> <ChannelStatusBadge status={channel.status} />{' '}
                  <span class="muted">
                    {channel.sync.pendingPushes} pending ·{' '}
                    {channel.sync.lastPushAt
                      ? `last push ${formatTime(channel.sync.lastPushAt)}`
                      : 'no push yet'}
                  </span>
                  <Show when={channel.sync.lastError}>
                    {(err) => (
                      <span class="cell-sub error-text">Last error: {err().message ?? err().code}</span>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </section>
  );
}
