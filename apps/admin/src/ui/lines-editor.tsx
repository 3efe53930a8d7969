import { For } from 'solid-js';
import { EMPTY_LINE, type LineDraft } from '../lib/lines.ts';
import { TextField } from './text-field.tsx';

/** SKU + quantity rows with add/remove; errors come keyed as the server names them (`body.lines[0].sku`). */
export function LinesEditor(props: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  errors: Map<string, string>;
  quantityLabel?: string;
}) {
  const update = (index: number, patch: Partial<LineDraft>) =>
    props.onChange(props.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  return (
    <fieldset class="fieldset">
      <legend>Lines</legend>
      <For each={props.lines}>
        {(line, index) => (
          <div class="inline-fields">
            <TextField
              label={`Line ${index() + 1} SKU`}
              value={line.sku}
              onInput={(e) => update(index(), { sku: e.currentTarget.value })}
              error={props.errors.get(`body.lines[${index()}].sku`)}
            />
            <TextField
              label={props.quantityLabel ?? 'Quantity'}
              type="number"
              value={line.quantity}
              onInput={(e) => update(index(), { quantity: e.currentTarget.value })}
              error={props.errors.get(`body.lines[${index()}].quantity`)}
            />
            <button
              type="button"
              class="icon-button"
              aria-label={`Remove line ${index() + 1}`}
              disabled={props.lines.length === 1}
              onClick={() => props.onChange(props.lines.filter((_, i) => i !== index()))}
            >
              ×
            </button>
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button-small"
        onClick={() => props.onChange([...props.lines, { ...EMPTY_LINE }])}
      >
        Add line
      </button>
    </fieldset>
  );
}
