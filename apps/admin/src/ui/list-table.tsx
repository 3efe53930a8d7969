import { type JSX, Show } from 'solid-js';
import { type Column, DataTable } from './data-table.tsx';
import { ErrorAlert } from './error-alert.tsx';

/** A list being read from the server: the rows so far, whether a page is loading, why loading failed. */
export interface LoadingList {
  items(): readonly unknown[];
  loading(): boolean;
  error(): unknown;
}

/**
 * A table over a list read from the server: why it could not be loaded above it, busy while a page loads,
 * and `empty` below it when nothing came back.
 */
export function ListTable(props: {
  list: LoadingList;
  label: string;
  columns: readonly Column[];
  empty: JSX.Element;
  errorLead?: string;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <>
      <ErrorAlert error={props.list.error()} lead={props.errorLead} />
      <DataTable label={props.label} columns={props.columns} busy={props.list.loading()} class={props.class}>
        {props.children}
      </DataTable>
      <Show when={!props.list.loading() && props.list.items().length === 0 && !props.list.error()}>
        <p class="empty">{props.empty}</p>
      </Show>
    </>
  );
}
