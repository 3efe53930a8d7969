import { createEffect, createSignal, on } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Feed } from '../../api/types.ts';
import { feedAuthEdit } from '../../lib/feed-auth-form.ts';
import { type FeedFormValues, feedBody, feedFormErrors, feedFormValues } from '../../lib/feed-form.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { notify } from '../../ui/toaster.tsx';
import { FeedFields } from './feed-fields.tsx';

/**
 * A feed's settings, filled with what is stored. Saving sends every setting: an emptied URL or interval is
 * cleared, and a change that makes the feed stale or fresh holds or releases its pushes at once (the server's
 * doing; the page shows the feed as it comes back). Credentials are sent only when they change: a secret
 * left blank is kept, None removes them.
 */
export function FeedSettingsForm(props: { storeId: number; feed: Feed; onSaved: (feed: Feed) => void }) {
  const api = useApi();
  const [values, setValues] = createSignal<FeedFormValues>(feedFormValues(props.feed));
  // Again when the stored settings change, not on every refresh of the feed (that would wipe what is typed).
  const stored = () => {
    const { name, url, intervalMinutes, staleAfterMinutes, auth } = props.feed;
    return JSON.stringify([name, url, intervalMinutes, staleAfterMinutes, auth]);
  };
  createEffect(on(stored, () => setValues(feedFormValues(props.feed)), { defer: true }));

  const form = createFormSubmit(async () => {
    const local = feedFormErrors(values(), props.feed.auth);
    if (local.size > 0) {
      form.reject(local);
      return;
    }
    const feed = await unwrap(
      api.PATCH('/stores/{storeId}/feeds/{feedId}', {
        params: { path: { storeId: props.storeId, feedId: props.feed.id } },
        body: { ...feedBody(values()), auth: feedAuthEdit(values().auth, props.feed.auth) },
      }),
    );
    notify('success', `Settings of ${feed.name} saved`);
    // Typed secrets are cleared even when nothing shown changed.
    setValues(feedFormValues(feed));
    props.onSaved(feed);
  });

  return (
    <section class="card" aria-labelledby="feed-settings-title">
      <h2 id="feed-settings-title">Settings</h2>
      <form class="form" onSubmit={(event) => void form.submit(event)}>
        <FeedFields
          values={values()}
          storedAuth={props.feed.auth}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={form.fieldErrors()}
        />
        <FormFooter error={form.error()} busy={form.busy()} submitLabel="Save settings" />
      </form>
    </section>
  );
}
