import type { JSX } from 'solid-js';
import type { FormSubmit } from '../lib/form-submit.ts';
import { FormFooter } from './form-footer.tsx';
import { Modal } from './modal.tsx';

/**
 * A form in a dialog: the caller's fields (they read `form.fieldErrors()` for their own keys), then why it
 * failed, Cancel and the submit button. The dialog closes once the form went through.
 */
export function FormDialog(props: {
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  form: FormSubmit;
  submitLabel: string;
  busyLabel?: string;
  children: JSX.Element;
}) {
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      <form
        class="form"
        onSubmit={async (event) => {
          if (await props.form.submit(event)) props.onOpenChange(false);
        }}
      >
        {props.children}
        <FormFooter
          error={props.form.error()}
          busy={props.form.busy()}
          submitLabel={props.submitLabel}
          busyLabel={props.busyLabel}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </Modal>
  );
}
