import { type Accessor, createSignal } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { unwrap } from '../../api/client.ts';
import type { Feed } from '../../api/types.ts';
import { feedRunSummary } from '../../lib/feed-run-summary.ts';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';

/**
 * Running a feed now and removing one, from the feeds list or its own page. Each outcome is a toast and then
 * `onChanged` says what happened (the caller reads the feed again, or leaves its page); a feed being run is `running` until its run is recorded, so
 * its button can say so and not start a second pull.
 */
export function feedActions(
  api: ApiClient,
  storeId: Accessor<number>,
  onChanged: (change: 'ran' | 'removed') => void,
) {
  const [running, setRunning] = createSignal<ReadonlySet<number>>(new Set());
  const setRunningOf = (feedId: number, on: boolean) =>
    setRunning((now) => {
      const next = new Set(now);
      if (on) next.add(feedId);
      else next.delete(feedId);
      return next;
    });

  return {
    isRunning: (feedId: number) => running().has(feedId),
    run: async (feed: Feed): Promise<boolean> => {
      setRunningOf(feed.id, true);
      try {
        return await withFailureToast(`Could not run feed ${feed.name}`, async () => {
          const run = await unwrap(
            api.POST('/stores/{storeId}/feeds/{feedId}/run', {
              params: { path: { storeId: storeId(), feedId: feed.id } },
            }),
          );
          // A pull that failed is a recorded run, not a failed request: it says why, and changed nothing.
          if (run.status === 'applied') notify('success', `Feed ${feed.name} ran`, feedRunSummary(run));
          else
            notify(
              'error',
              `Feed ${feed.name} failed`,
              `${run.error ?? 'unknown reason'} (no stock changed)`,
            );
          onChanged('ran');
        });
      } finally {
        setRunningOf(feed.id, false);
      }
    },
    remove: (feed: Feed): Promise<boolean> =>
      withFailureToast(`Could not remove feed ${feed.name}`, async () => {
        await unwrap(
          api.DELETE('/stores/{storeId}/feeds/{feedId}', {
            params: { path: { storeId: storeId(), feedId: feed.id } },
          }),
        );
        notify('success', `Feed ${feed.name} removed`);
        onChanged('removed');
      }),
  };
}

/** What the remove confirmation says, on the list and on the feed's page alike. */
export function removeFeedWarning(feed: Feed): string {
  return (
    'Its run history is deleted; the stock movements it made stay in the ledger. ' +
    (feed.stale
      ? 'It is stale now: the pushes it holds go out again with the current quantities.'
      : 'Nothing pulls or accepts its snapshots any more.')
  );
}
