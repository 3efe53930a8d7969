import { For, type JSX } from 'solid-js';

/** A column header: numbers align right; a hidden label (an actions column) is read by screen readers only. */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

/** The header of the row buttons' column. */
export const ACTIONS_COLUMN: Column = { label: 'Actions', hidden: true };

/** A table with its column headers, scrolling sideways on narrow screens; the body is the caller's. */
export function DataTable(props: {
  /** Its accessible name, where the section around it does not name it. */
  label?: string;
  columns: readonly Column[];
  busy?: boolean;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <div class="table-scroll">
      <table
        class={props.class ? `table ${props.class}` : 'table'}
        aria-label={props.label}
        aria-busy={props.busy}
      >
        <thead>
          <tr>
            <For each={props.columns}>{(column) => <ColumnHeader column={column} />}</For>
          </tr>
        </thead>
        {props.children}
      </table>
    </div>
  );
}

function ColumnHeader(props: { column: Column }) {
  const column = () => (typeof props.column === 'string' ? { label: props.column } : props.column);
  return (
    <th scope="col" class={column().numeric ? 'num' : undefined}>
      {column().hidden ? <span class="sr-only">{column().label}</span> : column().label}
    </th>
  );
}
