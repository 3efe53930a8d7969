import { createEffect, createSignal, For, on } from 'solid-js';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { TextField } from '../../ui/text-field.tsx';

export interface OrderLine {
  id: number;
  sku: string;
  outstanding: number;
}

/**
 * Ship or receive part of an order: one quantity per open line, each starting at what is still open, so
 * “everything” is one click and a partial shipment or receipt is a few edits. Lines left at 0 are not sent;
 * lines with nothing open are not shown.
 */
export function LineQuantitiesDialog(props: {
  title: string;
  submitLabel: string;
  open: boolean;
  lines: OrderLine[];
  onOpenChange: (open: boolean) => void;
  submit: (lines: { lineId: number; quantity: number }[]) => Promise<void>;
}) {
  const [quantities, setQuantities] = createSignal<Record<number, string>>({});
  const openLines = () => props.lines.filter((l) => l.outstanding > 0);
  const form = createFormSubmit(async () => {
    const lines = openLines()
      .map((l) => ({ lineId: l.id, quantity: Number(quantities()[l.id] ?? '') }))
      .filter((l) => l.quantity !== 0);
    if (lines.length === 0) {
      form.reject(new Map(), 'Enter a quantity on at least one line.');
      return;
    }
    await props.submit(lines);
  });
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        form.clear();
        setQuantities(Object.fromEntries(openLines().map((l) => [l.id, String(l.outstanding)])));
      },
    ),
  );

  return (
    <FormDialog
      title={props.title}
      submitLabel={props.submitLabel}
      open={props.open}
      onOpenChange={props.onOpenChange}
      form={form}
    >
      <For each={openLines()}>
        {(line) => (
          <TextField
            label={`${line.sku} quantity`}
            type="number"
            min="0"
            step="1"
            required
            value={quantities()[line.id] ?? ''}
            onInput={(e) => setQuantities((q) => ({ ...q, [line.id]: e.currentTarget.value }))}
            hint={`${line.outstanding} open`}
          />
        )}
      </For>
    </FormDialog>
  );
}
