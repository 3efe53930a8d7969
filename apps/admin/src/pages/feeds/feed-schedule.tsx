import { Show } from 'solid-js';
import type { Feed } from '../../api/types.ts';
import { nextPullAt } from '../../lib/feed-schedule.ts';
import { formatMinutes, formatTime } from '../../lib/format.ts';

/** How often the feed is pulled, and when next (“due now” once that time has passed). */
export function FeedSchedule(props: { feed: Feed }) {
  const next = () => nextPullAt(props.feed);
  return (
    <Show when={props.feed.intervalMinutes && next()} fallback="On demand">
      {(at) => (
        <>
          Every {formatMinutes(props.feed.intervalMinutes ?? 0)}
          <span class="cell-sub">next pull {at() <= Date.now() ? 'due now' : formatTime(at())}</span>
        </>
      )}
    </Show>
  );
}
