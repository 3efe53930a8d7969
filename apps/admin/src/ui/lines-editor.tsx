import { EMPTY_LINE, type LineDraft } from '../lib/lines.ts';
import { EditableRows } from './editable-rows.tsx';
import { TextField } from './text-field.tsx';

/** SKU + quantity rows with add/remove; errors come keyed as the server names them (`body.lines[0].sku`). */
export function LinesEditor(props: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  errors: Map<string, string>;
  quantityLabel?: string;
}) {
  return (
    <EditableRows
      legend="Lines"
      noun="line"
      rows={props.lines}
      onChange={props.onChange}
      newRow={() => ({ ...EMPTY_LINE })}
    >
      {(line, index, update) => (
        <>
          <TextField
            label={`Line ${index() + 1} SKU`}
            value={line.sku}
            onInput={(e) => update({ sku: e.currentTarget.value })}
            error={props.errors.get(`body.lines[${index()}].sku`)}
          />
          <TextField
            label={props.quantityLabel ?? 'Quantity'}
            type="number"
            value={line.quantity}
            onInput={(e) => update({ quantity: e.currentTarget.value })}
            error={props.errors.get(`body.lines[${index()}].quantity`)}
          />
        </>
      )}
    </EditableRows>
  );
}
