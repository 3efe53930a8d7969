import { createSignal, For, type JSX } from 'solid-js';
import type { FormSubmit } from '../../lib/form-submit.ts';
import { humanize } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadMoreButton } from '../../ui/load-more-button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import type { createOrderList } from './order-list.ts';

/**
 * The page every kind of order is listed on: its create button and dialog (the kind's fields and `form`),
 * a tab for all orders and one per status (named like the Status column), the table with one `row` per
 * order, and “Load more”.
 */
export function OrderListLayout<Status extends string, Order>(props: {
  title: string;
  createLabel: string;
  statusLabel: string;
  statuses: Status[];
  orders: ReturnType<typeof createOrderList<Status, Order>>;
  tableLabel: string;
  columns: readonly Column[];
  empty: string;
  row: (order: Order) => JSX.Element;
  form: FormSubmit;
  fields: JSX.Element;
}) {
  const [creating, setCreating] = createSignal(false);
  return (
    <section class="page">
      <PageHeader
        title={props.title}
        actions={
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            {props.createLabel}
          </button>
        }
      />
      <StatusTabs
        label={props.statusLabel}
        value={props.orders.status()}
        onChange={props.orders.setStatus}
        tabs={[
          { value: '', label: 'All' },
          ...props.statuses.map((status) => ({ value: status, label: humanize(status) })),
        ]}
      />
      <ListTable
        list={props.orders.list}
        label={props.tableLabel}
        columns={props.columns}
        empty={props.empty}
      >
        <tbody>
          <For each={props.orders.list.items()}>{(order) => props.row(order)}</For>
        </tbody>
      </ListTable>
      <LoadMoreButton list={props.orders.list} />
      <FormDialog
        title={props.createLabel}
        submitLabel={props.createLabel}
        open={creating()}
        onOpenChange={setCreating}
        form={props.form}
      >
        {props.fields}
      </FormDialog>
    </section>
  );
}
