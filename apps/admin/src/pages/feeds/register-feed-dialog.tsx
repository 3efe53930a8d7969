import { createSignal } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Feed } from '../../api/types.ts';
import { feedAuthCredentials } from '../../lib/feed-auth-form.ts';
import { type FeedFormValues, feedBody, feedFormErrors, NEW_FEED } from '../../lib/feed-form.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { notify } from '../../ui/toaster.tsx';
import { FeedFields } from './feed-fields.tsx';

/**
 * Register a feed: a URL pulled on a schedule or on demand (with credentials if it needs them), or a target
 * for pushed snapshots.
 */
export function RegisterFeedDialog(props: {
  storeId: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRegistered: (feed: Feed) => void;
}) {
  const api = useApi();
  const [values, setValues] = createSignal<FeedFormValues>(NEW_FEED);
  const form = createFormSubmit(async () => {
    const local = feedFormErrors(values());
    if (local.size > 0) {
      form.reject(local);
      return;
    }
    const feed = await unwrap(
      api.POST('/stores/{storeId}/feeds', {
        params: { path: { storeId: props.storeId } },
        body: { ...feedBody(values()), auth: feedAuthCredentials(values().auth) },
      }),
    );
    notify(
      'success',
      `Feed ${feed.name} registered`,
      feed.intervalMinutes ? 'Its first pull starts within a minute.' : undefined,
    );
    props.onRegistered(feed);
  });

  return (
    <FormDialog
      title="Register a feed"
      submitLabel="Register feed"
      busyLabel="Registering…"
      open={props.open}
      onOpenChange={(open) => {
        if (!open) {
          setValues(NEW_FEED);
          form.clear();
        }
        props.onOpenChange(open);
      }}
      form={form}
    >
      <FeedFields
        values={values()}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={form.fieldErrors()}
      />
    </FormDialog>
  );
}
