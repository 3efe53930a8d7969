import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
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
  const [errors, setErrors] = createSignal(new Map<string, string>());
  const [formError, setFormError] = createSignal<string>();

  const register = async (event: SubmitEvent) => {
    event.preventDefault();
    setErrors(new Map());
    setFormError(undefined);
    try {
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
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFormError(errorMessage(error));
    }
  };

  const run = async (feed: Feed) => {
    try {
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
    } catch (error) {
      notify('error', `Could not run feed ${feed.name}`, errorMessage(error));
    }
  };

  const remove = async (feed: Feed) => {
    try {
      await unwrap(
        api.DELETE('/stores/{storeId}/feeds/{feedId}', {
          params: { path: { storeId: storeId(), feedId: feed.id } },
        }),
      );
      notify('success', `Feed ${feed.name} removed`);
      void refetch();
    } catch (error) {
      notify('error', `Could not remove feed ${feed.name}`, errorMessage(error));
    }
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Feeds</h1>
      </header>
      <Show when={feeds.error}>
        <p class="form-error" role="alert">
          {errorMessage(feeds.error)}
        </p>
      </Show>
      <Show when={(latest(feeds) ?? []).length > 0} fallback={<p class="empty">No inventory feed yet.</p>}>
        <div class="table-scroll">
          <table class="table" aria-label="Feeds">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={latest(feeds)}>
                {(feed) => (
                  <tr>
                    <td>{feed.name}</td>
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
          </table>
        </div>
      </Show>
      <form class="card form" onSubmit={register} aria-labelledby="feed-title">
        <h2 id="feed-title">Register a feed</h2>
        <TextField
          label="Name"
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().get('body.name')}
        />
        <TextField
          label="URL"
          type="url"
          placeholder="https://erp.example.com/stock.csv"
          hint="A CSV (sku,quantity[,location]) or JSON snapshot of absolute on-hand quantities."
          value={url()}
          onInput={(e) => setUrl(e.currentTarget.value)}
          error={errors().get('body.url')}
        />
        <TextField
          label="Pull every (minutes)"
          type="number"
          min="1"
          hint="Leave empty to run it on demand only."
          value={intervalMinutes()}
          onInput={(e) => setIntervalMinutes(e.currentTarget.value)}
          error={errors().get('body.intervalMinutes')}
        />
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            Register feed
          </button>
        </div>
      </form>
    </section>
  );
}
