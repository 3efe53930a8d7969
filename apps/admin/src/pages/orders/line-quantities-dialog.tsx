import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { errorMessage } from '../../api/problem.ts';
import { Modal } from '../../ui/modal.tsx';
import { TextField } from '../../ui/text-field.tsx';

export interface OpenLine {
  id: number;
  sku: string;
  outstanding: number;
}

/**
 * Ship or receive part of an order: one quantity per open line, each starting at what is still open, so
 * “everything” is one click and a partial shipment or receipt is a few edits. Lines left at 0 are not sent.
 */
export function LineQuantitiesDialog(props: {
  title: string;
  submitLabel: string;
  open: boolean;
  lines: OpenLine[];
  onOpenChange: (open: boolean) => void;
  submit: (lines: { lineId: number; quantity: number }[]) => Promise<void>;
}) {
  const [quantities, setQuantities] = createSignal<Record<number, string>>({});
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setFormError(undefined);
        setQuantities(Object.fromEntries(props.lines.map((l) => [l.id, String(l.outstanding)])));
      },
    ),
  );

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const lines = props.lines
      .map((l) => ({ lineId: l.id, quantity: Number(quantities()[l.id] ?? '') }))
      .filter((l) => l.quantity !== 0);
    if (lines.length === 0) {
      setFormError('Enter a quantity on at least one line.');
      return;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      await props.submit(lines);
      props.onOpenChange(false);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      <form class="form" onSubmit={onSubmit}>
        <For each={props.lines}>
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
