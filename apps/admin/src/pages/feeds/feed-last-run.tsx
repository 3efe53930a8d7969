import { Show } from 'solid-js';
import type { Feed } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';

/** The feed's last run: when, applied or failed and why, and after a failure when it last succeeded. */
export function FeedLastRun(props: { feed: Feed }) {
  return (
    <Show when={props.feed.lastRunAt} fallback={<span class="muted">Never run</span>}>
      {(at) => (
        <>
          <Show
            when={props.feed.lastStatus === 'failed'}
            fallback={<span class="badge badge-succeeded">Applied</span>}
          >
            <span class="badge badge-failed">Failed</span>
          </Show>{' '}
          {formatTime(at())}
          <Show when={props.feed.lastError}>
            <span class="cell-sub error-text">{props.feed.lastError}</span>
          </Show>
          <Show when={props.feed.lastStatus === 'failed'}>
            <span class="cell-sub">
              {props.feed.lastAppliedAt === null
                ? 'No successful run yet'
                : `Last successful ${formatTime(props.feed.lastAppliedAt)}`}
            </span>
          </Show>
        </>
      )}
    </Show>
  );
}
