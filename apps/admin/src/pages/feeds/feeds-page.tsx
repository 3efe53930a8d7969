import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Feed } from '../../api/types.ts';
import { createKeysetList } from '../../lib/keyset-list.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadMoreButton } from '../../ui/load-more-button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { feedActions, removeFeedWarning } from './feed-actions.ts';
import { FeedFreshness } from './feed-freshness.tsx';
import { FeedLastRun } from './feed-last-run.tsx';
import { FeedSchedule } from './feed-schedule.tsx';
import { RegisterFeedDialog } from './register-feed-dialog.tsx';

/**
 * Inventory feeds: absolute on-hand snapshots pulled from a URL on a schedule or on demand, or pushed to us.
 * Each row says whether its stock can be trusted (stale or until when fresh) and how its last run went.
 */
export function FeedsPage() {
  const api = useApi();
  const { storeId } = useStore();
  const feeds = createKeysetList(storeId, (id, cursor) =>
    unwrap(
      api.GET('/stores/{storeId}/feeds', {
        params: { path: { storeId: id }, query: { limit: 100, ...(cursor && { cursor }) } },
      }),
    ),
  );
  const [registering, setRegistering] = createSignal(false);
  const actions = feedActions(api, storeId, () => feeds.reload());
  const removing = createConfirmation<Feed>();

  return (
    <section class="page">
      <PageHeader
        title="Feeds"
        actions={
          <button type="button" class="button button-primary" onClick={() => setRegistering(true)}>
            Register feed
          </button>
        }
      />
      <ListTable
        list={feeds}
        label="Feeds"
        columns={['Name', 'Source', 'Schedule', 'Freshness', 'Last run', ACTIONS_COLUMN]}
        empty="No inventory feed yet. Register one to pull stock from your ERP or warehouse, or to let it push snapshots."
        errorLead="The feeds could not be loaded: "
      >
        <tbody>
          <For each={feeds.items()}>
            {(feed) => (
              <tr data-feed={feed.name}>
                <td>
                  <A href={`/stores/${storeId()}/feeds/${feed.id}`}>{feed.name}</A>
                </td>
                <td class="break">{feed.url ?? 'Pushed to (no URL)'}</td>
                <td>
                  <FeedSchedule feed={feed} />
                </td>
                <td>
                  <FeedFreshness feed={feed} />
                </td>
                <td>
                  <FeedLastRun feed={feed} />
                </td>
                <td class="row-actions">
                  <Show when={feed.url}>
                    <button
                      type="button"
                      class="button button-small"
                      disabled={actions.isRunning(feed.id)}
                      onClick={() => void actions.run(feed)}
                    >
                      {actions.isRunning(feed.id) ? 'Running…' : 'Run now'}
                    </button>
                  </Show>
                  <button
                    type="button"
                    class="button button-small button-danger"
                    onClick={() => removing.ask(feed)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </ListTable>
      <LoadMoreButton list={feeds} />
      <RegisterFeedDialog
        storeId={storeId()}
        open={registering()}
        onOpenChange={setRegistering}
        onRegistered={() => feeds.reload()}
      />
      <ConfirmDialog
        open={removing.isOpen()}
        title={`Remove feed ${removing.subject()?.name ?? ''}?`}
        description={removing.subject() ? removeFeedWarning(removing.subject() as Feed) : ''}
        confirmLabel="Remove feed"
        busy={removing.busy()}
        onConfirm={() => void removing.confirm(actions.remove)}
        onCancel={removing.dismiss}
      />
    </section>
  );
}
