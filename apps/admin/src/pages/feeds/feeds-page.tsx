import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ACTIONS_COLUMN, DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';

type Feed = components['schemas']['Feed'];

/** Inventory feeds: absolute on-hand snapshots pulled from a URL on a schedule, or run on demand. */
export function FeedsPage() {
  const api = useApi();
  const { storeId } = useStore();
  const [feeds, { refetch }] = createResource(storeId, (id) =>
    unwrap(api.GET('/stores/{storeId}/feeds', { params: { path: { storeId: id } } })).then((r) => r.items),
  );
  const [name, setName] = createSignal('');
  const [url, setUrl] = createSignal('');
  const [intervalMinutes, setIntervalMinutes] = createSignal('');
  const register = createFormSubmit(async () => {
    const feed = await unwrap(
      api.POST('/stores/{storeId}/feeds', {
        params: { path: { storeId: storeId() } },
        body: {
          name: name(),
          ...(url().trim() && { url: url().trim() }),
          ...(intervalMinutes().trim() && { intervalMinutes: Number(intervalMinutes()) }),
        },
      }),
    );
    notify('success', `Feed ${feed.name} registered`);
    setName('');
    setUrl('');
    setIntervalMinutes('');
    void refetch();
  });

  const run = (feed: Feed) =>
    withFailureToast(`Could not run feed ${feed.name}`, async () => {
      const result = await unwrap(
        api.POST('/stores/{storeId}/feeds/{feedId}/run', {
          params: { path: { storeId: storeId(), feedId: feed.id } },
        }),
      );
      if (result.status === 'applied') {
        notify(
          'success',
          `Feed ${feed.name} ran`,
          `${result.rowCount} rows, ${result.changed} changed${result.unknownSkus.length ? `; unknown SKUs: ${result.unknownSkus.join(', ')}` : ''}.`,
        );
      } else notify('error', `Feed ${feed.name} failed`, result.error ?? 'unknown reason');
      void refetch();
    });

  const remove = (feed: Feed) =>
    withFailureToast(`Could not remove feed ${feed.name}`, async () => {
      await unwrap(
        api.DELETE('/stores/{storeId}/feeds/{feedId}', {
          params: { path: { storeId: storeId(), feedId: feed.id } },
        }),
      );
      notify('success', `Feed ${feed.name} removed`);
      void refetch();
    });

  return (
    <section class="page">
      <PageHeader title="Feeds" />
      <ErrorAlert error={feeds.error} />
      <Show when={(latest(feeds) ?? []).length > 0} fallback={<p class="empty">No inventory feed yet.</p>}>
        <DataTable label="Feeds" columns={['Name', 'URL', 'Schedule', 'Last run', ACTIONS_COLUMN]}>
          <tbody>
            <For each={latest(feeds)}>
              {(feed) => (
                <tr>
                  <td>
                    {feed.name}{' '}
                    <Show when={feed.stale}>
                      <span
                        class="badge badge-failed"
                        title={`No successful snapshot since ${feed.lastAppliedAt ? formatTime(feed.lastAppliedAt) : 'it was registered'}: pushes of the stock it covers are held until a fresh one arrives.`}
                      >
                        Stale
                      </span>
                    </Show>
                  </td>
                  <td class="break">{feed.url ?? 'Pushed to (no URL)'}</td>
                  <td>{feed.intervalMinutes ? `Every ${feed.intervalMinutes} min` : 'On demand'}</td>
                  <td>
                    {feed.lastRunAt ? `${formatTime(feed.lastRunAt)} · ${feed.lastStatus}` : 'Never'}
                    <Show when={feed.lastError}>
                      <span class="cell-sub error-text">{feed.lastError}</span>
                    </Show>
                  </td>
                  <td class="row-actions">
                    <Show when={feed.url}>
                      <button type="button" class="button button-small" onClick={() => void run(feed)}>
                        Run now
                      </button>
                    </Show>
                    <button
                      type="button"
                      class="button button-small button-danger"
                      onClick={() => void remove(feed)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </DataTable>
      </Show>
      <form class="card form" onSubmit={(event) => void register.submit(event)} aria-labelledby="feed-title">
        <h2 id="feed-title">Register a feed</h2>
        <TextField
          label="Name"
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={register.fieldErrors().get('body.name')}
        />
        <TextField
          label="URL"
          type="url"
          placeholder="https://erp.example.com/stock.csv"
          hint="A CSV (sku,quantity[,location]) or JSON snapshot of absolute on-hand quantities."
          value={url()}
          onInput={(e) => setUrl(e.currentTarget.value)}
          error={register.fieldErrors().get('body.url')}
        />
        <TextField
          label="Pull every (minutes)"
          type="number"
          min="1"
          hint="Leave empty to run it on demand only."
          value={intervalMinutes()}
          onInput={(e) => setIntervalMinutes(e.currentTarget.value)}
          error={register.fieldErrors().get('body.intervalMinutes')}
        />
        <FormFooter error={register.error()} submitLabel="Register feed" />
      </form>
    </section>
  );
}
