import { createSignal } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { useStore } from '../../store/store-context.tsx';
import { EditableRows } from '../../ui/editable-rows.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
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
  /** Counts saved adjustments: the history below goes back to its first page, where the new one is. */
  const [saved, setSaved] = createSignal(0);

  const form = createFormSubmit(async () => {
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
    notify('success', 'Stock adjusted', `${adjustment.lines.length} line(s) recorded: ${adjustment.reason}.`);
    setSaved((n) => n + 1);
    setLines([emptyLine()]);
    setNote('');
  });

  return (
    <section class="page">
      <PageHeader title="Adjustments" />
      <form class="card form" onSubmit={(event) => void form.submit(event)} aria-labelledby="adjust-title">
        <h2 id="adjust-title">Adjust stock</h2>
        <TextField
          label="Reason"
          required
          placeholder="Cycle count, damaged, found…"
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          error={form.fieldErrors().get('body.reason')}
        />
        <TextField label="Note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        <EditableRows legend="Lines" noun="line" rows={lines()} onChange={setLines} newRow={emptyLine}>
          {(line, index, update) => (
            <>
              <TextField
                label={`Line ${index() + 1} SKU`}
                value={line.sku}
                onInput={(e) => update({ sku: e.currentTarget.value })}
                error={form.fieldErrors().get(`body.lines[${index()}].sku`)}
              />
              <div class="field">
                <label class="field-label" for={`adjust-mode-${index()}`}>
                  Change
                </label>
                <select
                  id={`adjust-mode-${index()}`}
                  class="input"
                  value={line.mode}
                  onChange={(e) => update({ mode: e.currentTarget.value as LineDraft['mode'] })}
                >
                  <option value="set">Set on hand to</option>
                  <option value="delta">Change on hand by</option>
                </select>
              </div>
              <TextField
                label="Quantity"
                type="number"
                value={line.value}
                onInput={(e) => update({ value: e.currentTarget.value })}
                error={form.fieldErrors().get(`body.lines[${index()}].${line.mode}`)}
              />
            </>
          )}
        </EditableRows>
        <FormFooter error={form.error()} busy={form.busy()} submitLabel="Save adjustment" />
      </form>

      <AdjustmentHistory version={saved()} />
    </section>
  );
}
