import { createMemo, createUniqueId, Show } from 'solid-js';
import type { FeedAuthSummary } from '../../lib/feed-auth-form.ts';
import {
  automaticStaleLabel,
  type FeedFormValues,
  STALE_AFTER_PULLS,
  type StaleMode,
  typedSchedule,
} from '../../lib/feed-form.ts';
import { formatMinutes } from '../../lib/format.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { FeedAuthFields } from './feed-auth-fields.tsx';

/** What happens to a stale feed's stock, said wherever the staleness is set. */
export const STALE_CONSEQUENCE =
  'When a feed goes stale, the stock it last reported is treated as unknown: those products are not pushed ' +
  'to your channels (Sync History records each held push as skipped) until a fresh snapshot arrives.';

/**
 * The fields of a feed, for registering and for editing one: name, where it is pulled from, how often and
 * with which credentials, and when it goes stale. Errors are keyed by the server's field paths
 * (`body.staleAfterMinutes`). `storedAuth`: the credentials the feed being edited has.
 */
export function FeedFields(props: {
  values: FeedFormValues;
  storedAuth?: FeedAuthSummary | null;
  onChange: (patch: Partial<FeedFormValues>) => void;
  errors: ReadonlyMap<string, string>;
}) {
  const schedule = () => typedSchedule(props.values);
  const interval = () => schedule().intervalMinutes;
  const noteId = createUniqueId();
  // Rebuilt only when the default's wording changes, not on every keystroke in the form.
  const automatic = createMemo(() => automaticStaleLabel(schedule()));
  const staleOptions = createMemo(() => [
    { value: 'automatic', label: automatic() },
    { value: 'after', label: 'After a set time without a snapshot' },
    { value: 'never', label: 'Never' },
  ]);
  return (
    <>
      <TextField
        label="Name"
        required
        value={props.values.name}
        onInput={(e) => props.onChange({ name: e.currentTarget.value })}
        error={props.errors.get('body.name')}
      />
      <TextField
        label="URL"
        type="url"
        placeholder="https://erp.example.com/stock.csv"
        hint="A CSV (sku,quantity[,location]) or JSON snapshot of absolute on-hand quantities. Leave empty for a feed your system pushes snapshots to."
        value={props.values.url}
        onInput={(e) => props.onChange({ url: e.currentTarget.value })}
        error={props.errors.get('body.url')}
      />
      <TextField
        label="Pull every (minutes)"
        type="number"
        min="1"
        hint="Leave empty to pull it on demand only (Run now)."
        value={props.values.intervalMinutes}
        onInput={(e) => props.onChange({ intervalMinutes: e.currentTarget.value })}
        error={props.errors.get('body.intervalMinutes')}
      />
      <FeedAuthFields
        values={props.values.auth}
        stored={props.storedAuth ?? null}
        onChange={(patch) => props.onChange({ auth: { ...props.values.auth, ...patch } })}
        errors={props.errors}
      />
      <fieldset class="fieldset" aria-describedby={noteId}>
        <legend>Staleness</legend>
        <p class="field-hint" id={noteId}>
          {STALE_CONSEQUENCE}
        </p>
        <SelectField
          label="Goes stale"
          value={props.values.staleMode}
          onChange={(value) => props.onChange({ staleMode: value as StaleMode })}
          options={staleOptions()}
          hint={`Automatic: ${STALE_AFTER_PULLS} pull intervals without a successful snapshot for a feed pulled on a schedule; never for one pushed to or run on demand.`}
        />
        <Show when={props.values.staleMode === 'after'}>
          <TextField
            label="Stale after (minutes without a successful snapshot)"
            type="number"
            min="1"
            required
            hint={
              interval()
                ? `Longer than the pull interval (${formatMinutes(interval() ?? 0)}); at most 30 days.`
                : 'At most 30 days (43200 minutes).'
            }
            value={props.values.staleAfterMinutes}
            onInput={(e) => props.onChange({ staleAfterMinutes: e.currentTarget.value })}
            error={props.errors.get('body.staleAfterMinutes')}
          />
        </Show>
      </fieldset>
    </>
  );
}
