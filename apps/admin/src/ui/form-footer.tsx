import { Show } from 'solid-js';
import { ErrorAlert } from './error-alert.tsx';

/** The end of a form: why it failed, then Cancel (where the form can be left) and its submit button. */
export function FormFooter(props: {
  error: string | undefined;
  submitLabel: string;
  /** While it is being sent: the submit button is disabled and says `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  onCancel?: () => void;
}) {
  return (
    <>
      <ErrorAlert error={props.error} />
      <div class="form-actions">
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? (props.busyLabel ?? 'Saving…') : props.submitLabel}
        </button>
      </div>
    </>
  );
}
