import { type Accessor, For, type JSX } from 'solid-js';

/**
 * Rows of fields in a fieldset, each with its remove button (the last one stays) and an add button below:
 * the lines of an order or of an adjustment. `children` renders a row's fields; `update` patches that row.
 */
export function EditableRows<Row>(props: {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  newRow: () => Row;
  /** What a row is called in “Remove line 2” and “Add line”. */
  noun: string;
  children: (row: Row, index: Accessor<number>, update: (patch: Partial<Row>) => void) => JSX.Element;
}) {
  const update = (index: number, patch: Partial<Row>) =>
    props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="fieldset">
      <legend>{props.legend}</legend>
      <For each={props.rows}>
        {(row, index) => (
          <div class="inline-fields">
            {props.children(row, index, (patch) => update(index(), patch))}
            <button
              type="button"
              class="icon-button"
              aria-label={`Remove ${props.noun} ${index() + 1}`}
              disabled={props.rows.length === 1}
              onClick={() => props.onChange(props.rows.filter((_, i) => i !== index()))}
            >
              ×
            </button>
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button-small"
        onClick={() => props.onChange([...props.rows, props.newRow()])}
      >
        Add {props.noun}
      </button>
    </fieldset>
  );
}
