import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Feed } from '../../api/types.ts';
import { feedAuthLabel } from '../../lib/feed-auth-form.ts';
import { staleSettingLabel } from '../../lib/feed-form.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { BackLink } from '../../ui/back-link.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { feedActions, removeFeedWarning } from './feed-actions.ts';
import { STALE_CONSEQUENCE } from './feed-fields.tsx';
import { FeedFreshness } from './feed-freshness.tsx';
import { FeedLastRun } from './feed-last-run.tsx';
import { FeedPushTarget } from './feed-push-target.tsx';
import { FeedRuns } from './feed-runs.tsx';
import { FeedSchedule } from './feed-schedule.tsx';
import { FeedSettingsForm } from './feed-settings-form.tsx';

/** One feed: whether its stock can be trusted, its last run and recent runs, its settings, where to push. */
export function FeedPage() {
  const api = useApi();
  const params = useParams();
  const navigate = useNavigate();
  const { storeId } = useStore();
  const feedsPath = () => `/stores/${storeId()}/feeds`;
  const [feed, { refetch }] = createResource(
    () => ({ storeId: storeId(), feedId: Number(params.feedId) }),
    (path) => unwrap(api.GET('/stores/{storeId}/feeds/{feedId}', { params: { path } })),
  );
  const actions = feedActions(api, storeId, (change) =>
    change === 'removed' ? navigate(feedsPath()) : void refetch(),
  );
  const removing = createConfirmation<Feed>();

  return (
    <section class="page">
      <BackLink href={feedsPath()} label="Feeds" />
      <ErrorAlert error={feed.error} />
      <Show when={latest(feed)}>
        {(f) => (
          <>
            <PageHeader
              title={f().name}
              actions={
                <>
                  <button type="button" class="button" onClick={() => void refetch()}>
                    Refresh
                  </button>
                  <Show when={f().url}>
                    <button
                      type="button"
                      class="button button-primary"
                      disabled={actions.isRunning(f().id)}
                      onClick={() => void actions.run(f())}
                    >
                      {actions.isRunning(f().id) ? 'Running…' : 'Run now'}
                    </button>
                  </Show>
                  <button type="button" class="button button-danger" onClick={() => removing.ask(f())}>
                    Remove
                  </button>
                </>
              }
            />
            <Show when={f().stale}>
              <p class="form-error" role="status">
                This feed is stale. {STALE_CONSEQUENCE}{' '}
                <A href={`/stores/${storeId()}/sync-history?status=skipped`}>See the held pushes</A>
              </p>
            </Show>
            <section class="card" aria-labelledby="feed-status-title">
              <h2 id="feed-status-title">Status</h2>
              <dl class="facts">
                <dt>Source</dt>
                <dd class="break">{f().url ?? 'Pushed to (no URL)'}</dd>
                <dt>Authentication</dt>
                <dd>{feedAuthLabel(f().auth)}</dd>
                <dt>Schedule</dt>
                <dd>
                  <FeedSchedule feed={f()} />
                </dd>
                <dt>Freshness</dt>
                <dd>
                  <FeedFreshness feed={f()} />
                </dd>
                <dt>Goes stale</dt>
                <dd>{staleSettingLabel(f())}</dd>
                <dt>Last successful snapshot</dt>
                <dd>{f().lastAppliedAt === null ? 'None yet' : formatTime(f().lastAppliedAt ?? 0)}</dd>
                <dt>Last run</dt>
                <dd>
                  <FeedLastRun feed={f()} />
                </dd>
                <dt>Registered</dt>
                <dd>{formatTime(f().createdAt)}</dd>
              </dl>
            </section>
            <FeedRuns runs={f().runs} />
            <FeedSettingsForm storeId={storeId()} feed={f()} onSaved={() => void refetch()} />
            <FeedPushTarget storeId={storeId()} feedId={f().id} />
            <ConfirmDialog
              open={removing.isOpen()}
              title={`Remove feed ${f().name}?`}
              description={removeFeedWarning(f())}
              confirmLabel="Remove feed"
              busy={removing.busy()}
              onConfirm={() => void removing.confirm(actions.remove)}
              onCancel={removing.dismiss}
            />
          </>
        )}
      </Show>
    </section>
  );
}
