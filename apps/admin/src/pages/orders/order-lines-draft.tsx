import { createSignal, type JSX } from 'solid-js';
import type { FormSubmit } from '../../lib/form-submit.ts';
import { EMPTY_LINE, type LineDraft, linesToSend } from '../../lib/lines.ts';
import { LinesEditor } from '../../ui/lines-editor.tsx';
import { TextField } from '../../ui/text-field.tsx';

/** An order of SKU lines being typed into its create dialog: its number and lines, as the inputs hold them. */
export function createOrderLinesDraft() {
  const [number, setNumber] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);
  return {
    number,
    setNumber,
    lines,
    setLines,
    /** What the create route is sent of them. */
    body: () => ({ number: number(), lines: linesToSend(lines()) }),
    reset() {
      setNumber('');
      setLines([{ ...EMPTY_LINE }]);
    },
  };
}

/** The draft's fields: its number, what the kind adds (`children`), then its lines. */
export function OrderLinesDraftFields(props: {
  draft: ReturnType<typeof createOrderLinesDraft>;
  form: FormSubmit;
  children?: JSX.Element;
}) {
  return (
    <>
      <TextField
        label="Order number"
        required
        value={props.draft.number()}
        onInput={(e) => props.draft.setNumber(e.currentTarget.value)}
        error={props.form.fieldErrors().get('body.number')}
      />
      {props.children}
      <LinesEditor
        lines={props.draft.lines()}
        onChange={props.draft.setLines}
        errors={props.form.fieldErrors()}
      />
    </>
  );
}
