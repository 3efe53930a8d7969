import { createSignal, type JSX, Show } from 'solid-js';
import { ApiError, errorMessage } from '../../api/problem.ts';
import { Modal } from '../../ui/modal.tsx';

/**
 * A create-form dialog: runs `submit`, shows field errors the server names and the overall reason, closes on
 * success. The fields themselves are the caller's (they read `errors()` for their own keys).
 */
export function OrderFormDialog(props: {
  title: string;
  submitLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  submit: () => Promise<void>;
  errors: Map<string, string>;
  onErrors: (errors: Map<string, string>) => void;
  children: JSX.Element;
}) {
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(undefined);
    props.onErrors(new Map());
    try {
      await props.submit();
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError) props.onErrors(error.fieldErrors());
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      <form class="form" onSubmit={onSubmit}>
        {props.children}
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
        <div class="form-actions">
          <button type="button" class="button" onClick={() => props.onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Saving…' : props.submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
