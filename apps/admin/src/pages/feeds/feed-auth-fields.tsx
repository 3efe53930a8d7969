import { createUniqueId, Match, Show, Switch } from 'solid-js';
import {
  FEED_AUTH_FIELDS,
  FEED_AUTH_OPTIONS,
  type FeedAuthMode,
  type FeedAuthSummary,
  type FeedAuthValues,
  feedAuthLabel,
  keepsStoredSecret,
} from '../../lib/feed-auth-form.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';

/**
 * The Authentication section of a feed's form: none, Basic, a bearer token or a header. Secrets are password
 * inputs that start blank: for the stored kind, blank keeps what is stored (it is never shown); choosing None
 * removes stored credentials when the form is saved. Errors are keyed by the server's field paths.
 */
export function FeedAuthFields(props: {
  values: FeedAuthValues;
  /** What the feed has stored (editing), or null (registering, or none stored). */
  stored: FeedAuthSummary | null;
  onChange: (patch: Partial<FeedAuthValues>) => void;
  errors: ReadonlyMap<string, string>;
}) {
  const noteId = createUniqueId();
  const errorId = createUniqueId();
  const keeps = () => keepsStoredSecret(props.values, props.stored);
  const removing = () => props.values.mode === 'none' && props.stored !== null;
  const sectionError = () => props.errors.get(FEED_AUTH_FIELDS.section);
  const secretInput = (label: string, key: 'password' | 'token' | 'headerValue', field: string) => (
    <TextField
      label={label}
      type="password"
      autocomplete="new-password"
      required={!keeps()}
      placeholder={keeps() ? 'Leave blank to keep' : undefined}
      hint={
        keeps() ? 'Set, and never shown: leave blank to keep it.' : 'Stored encrypted; never shown again.'
      }
      value={props.values[key]}
      onInput={(e) => props.onChange({ [key]: e.currentTarget.value })}
      error={props.errors.get(field)}
    />
  );
  return (
    <fieldset class="fieldset" aria-describedby={[noteId, sectionError() ? errorId : ''].join(' ').trim()}>
      <legend>Authentication</legend>
      <p class="field-hint" id={noteId}>
        <Show when={props.stored} fallback="For a URL that needs signing in. ">
          {(stored) =>
            stored().type === 'unreadable'
              ? `${feedAuthLabel(stored())}. `
              : `Stored: ${feedAuthLabel(stored())}. `
          }
        </Show>
        Sent only to the URL’s own host, never after a redirect to another.
      </p>
      <Show when={sectionError()}>
        <span class="field-error" id={errorId}>
          {sectionError()}
        </span>
      </Show>
      <SelectField
        label="Method"
        value={props.values.mode}
        onChange={(mode) => props.onChange({ mode: mode as FeedAuthMode })}
        options={FEED_AUTH_OPTIONS}
        hint={removing() ? 'The stored credentials are removed when you save.' : undefined}
      />
      <Switch>
        <Match when={props.values.mode === 'basic'}>
          <TextField
            label="User name"
            required
            autocomplete="off"
            value={props.values.username}
            onInput={(e) => props.onChange({ username: e.currentTarget.value })}
            error={props.errors.get(FEED_AUTH_FIELDS.username)}
          />
          {secretInput('Password', 'password', FEED_AUTH_FIELDS.password)}
        </Match>
        <Match when={props.values.mode === 'bearer'}>
          {secretInput('Token', 'token', FEED_AUTH_FIELDS.token)}
        </Match>
        <Match when={props.values.mode === 'header'}>
          <TextField
            label="Header name"
            required
            autocomplete="off"
            placeholder="X-Api-Key"
            value={props.values.headerName}
            onInput={(e) => props.onChange({ headerName: e.currentTarget.value })}
            error={props.errors.get(FEED_AUTH_FIELDS.headerName)}
          />
          {secretInput('Header value', 'headerValue', FEED_AUTH_FIELDS.headerValue)}
        </Match>
      </Switch>
    </fieldset>
  );
}
