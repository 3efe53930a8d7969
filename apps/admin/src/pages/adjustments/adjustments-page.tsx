import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { useStore } from '../../store/store-context.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { AdjustmentHistory } from './adjustment-history.tsx';

type AdjustmentLine = components['schemas']['AdjustmentCreate']['lines'][number];

interface LineDraft {
  sku: string;
  mode: 'set' | 'delta';
  value: string;
}
const emptyLine = (): LineDraft => ({ sku: '', mode: 'set', value: '' });

/** Manual adjustments: count (set on hand) or change (delta), always with a reason; and their history. */
export function AdjustmentsPage() {
  const api = useApi();
  const { storeId } = useStore();
  const [reason, setReason] = createSignal('');
  const [note, setNote] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([emptyLine()]);
  const [errors, setErrors] = createSignal(new Map<string, string>());
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  /** Counts saved adjustments: the history below goes back to its first page, where the new one is. */
  const [saved, setSaved] = createSignal(0);

  const update = (index: number, patch: Partial<LineDraft>) =>
    setLines((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(new Map());
    setFormError(undefined);
    try {
      const body = lines()
        .filter((l) => l.sku.trim() !== '' || l.value.trim() !== '')
        .map((l): AdjustmentLine => {
          const n = l.value.trim() === '' ? Number.NaN : Number(l.value);
          return l.mode === 'set' ? { sku: l.sku.trim(), set: n } : { sku: l.sku.trim(), delta: n };
        });
      const adjustment = await unwrap(
        api.POST('/stores/{storeId}/adjustments', {
          params: { path: { storeId: storeId() } },
          body: { reason: reason(), ...(note().trim() && { note: note().trim() }), lines: body },
        }),
      );
      notify(
        'success',
        'Stock adjusted',
        `${adjustment.lines.length} line(s) recorded: ${adjustment.reason}.`,
      );
      setSaved((n) => n + 1);
      setLines([emptyLine()]);
      setNote('');
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Adjustments</h1>
      </header>
      <form class="card form" onSubmit={submit} aria-labelledby="adjust-title">
        <h2 id="adjust-title">Adjust stock</h2>
        <TextField
          label="Reason"
          required
          placeholder="Cycle count, damaged, found…"
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          error={errors().get('body.reason')}
        />
        <TextField label="Note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        <fieldset class="fieldset">
          <legend>Lines</legend>
          <For each={lines()}>
            {(line, index) => (
              <div class="inline-fields">
                <TextField
                  label={`Line ${index() + 1} SKU`}
                  value={line.sku}
                  onInput={(e) => update(index(), { sku: e.currentTarget.value })}
                  error={errors().get(`body.lines[${index()}].sku`)}
                />
                <div class="field">
                  <label class="field-label" for={`adjust-mode-${index()}`}>
                    Change
                  </label>
                  <select
                    id={`adjust-mode-${index()}`}
                    class="input"
                    value={line.mode}
                    onChange={(e) => update(index(), { mode: e.currentTarget.value as LineDraft['mode'] })}
                  >
                    <option value="set">Set on hand to</option>
                    <option value="delta">Change on hand by</option>
                  </select>
                </div>
                <TextField
                  label="Quantity"
                  type="number"
                  value={line.value}
                  onInput={(e) => update(index(), { value: e.currentTarget.value })}
                  error={errors().get(`body.lines[${index()}].${line.mode}`)}
                />
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Remove line ${index() + 1}`}
                  disabled={lines().length === 1}
                  onClick={() => setLines((rows) => rows.filter((_, i) => i !== index()))}
                >
                  ×
                </button>
              </div>
            )}
          </For>
          <button
            type="button"
            class="button button-small"
            onClick={() => setLines((rows) => [...rows, emptyLine()])}
          >
            Add line
          </button>
        </fieldset>
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Saving…' : 'Save adjustment'}
          </button>
        </div>
      </form>

      <AdjustmentHistory version={saved()} />
    </section>
  );
}
