import { Match, Switch } from 'solid-js';
import type { Feed } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';

/**
 * Whether the feed's stock can be trusted, and until when: stale since a moment (pushes of what it covers are
 * held), fresh until a moment unless a snapshot arrives first, or never stale.
 */
export function FeedFreshness(props: { feed: Feed }) {
  const since = () =>
    props.feed.lastAppliedAt === null
      ? 'No successful snapshot since it was registered'
      : `Last successful snapshot ${formatTime(props.feed.lastAppliedAt)}`;
  return (
    <Switch>
      <Match when={props.feed.stale && props.feed.staleAt}>
        {(staleAt) => (
          <span title={`${since()}: pushes of the stock it covers are held until a fresh one arrives.`}>
            <span class="badge badge-failed">Stale</span>
            <span class="cell-sub">since {formatTime(staleAt())}</span>
          </span>
        )}
      </Match>
      <Match when={props.feed.staleAt}>
        {(staleAt) => (
          <span>
            <span class="badge badge-succeeded">Fresh</span>
            <span class="cell-sub">goes stale {formatTime(staleAt())} without a new snapshot</span>
          </span>
        )}
      </Match>
      <Match when={props.feed.staleAt === null}>
        <span class="muted">Never goes stale</span>
      </Match>
    </Switch>
  );
}
