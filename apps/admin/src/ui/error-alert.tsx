import { Show } from 'solid-js';
import { errorMessage } from '../api/problem.ts';

/**
 * Why something failed, announced where it failed (role="alert"); nothing while `error` is unset. Takes what
 * was thrown or a message already worded; `lead` says what could not be done.
 */
export function ErrorAlert(props: { error: unknown; lead?: string }) {
  return (
    <Show when={props.error}>
      <p class="form-error" role="alert">
        {props.lead}
        {errorMessage(props.error)}
      </p>
    </Show>
  );
}
