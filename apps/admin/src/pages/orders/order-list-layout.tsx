import { A } from '@solidjs/router';
import { createSignal, For, type JSX } from 'solid-js';
import type { FormSubmit } from '../../lib/form-submit.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { useStore } from '../../store/store-context.tsx';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadMoreButton } from '../../ui/load-more-button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import type { OrderColumn } from './order-column.tsx';
import { createOrderCreateForm } from './order-create-form.ts';
import type { createOrderList } from './order-list.ts';
import { type OrderRowAction, OrderRowActions } from './order-row-actions.tsx';

/**
 * The page every kind of order is listed on: its create button and dialog (the kind's fields and request),
 * a tab for all orders and one per status (named like the Status column), the table and “Load more”. Each
 * row starts with the order's number, which opens its page, then the kind's own `columns`, when it was
 * created and the row `actions`. Labels name the kind: “Create sales order”, the table “Sales orders”.
 */
export function OrderListLayout<Status extends string, Order extends OrderRow>(props: {
  /** The kind of order, as a heading names one: “Sales order”. */
  kind: string;
  title: string;
  /** The path of the kind's pages below the store: `sales-orders`. */
  route: string;
  statusLabel: string;
  statuses: Status[];
  orders: ReturnType<typeof createOrderList<Status, Order>>;
  columns: readonly OrderColumn<Order>[];
  actions: readonly OrderRowAction<Order>[];
  /** Asks the kind's route to create the order the dialog's fields describe. */
  create: () => Promise<{ number: string }>;
  /** What the toast says creating it did: “Its quantities are committed.” */
  created: string;
  /** Empties the fields once the order was created. */
  onCreated: () => void;
  /** The dialog's fields; `form` holds what the server found wrong, keyed as it names them (`body.number`). */
  fields: (form: FormSubmit) => JSX.Element;
}) {
  const { storeId } = useStore();
  const [creating, setCreating] = createSignal(false);
  const form = createOrderCreateForm({
    kind: props.kind,
    request: () => props.create(),
    created: props.created,
    onCreated: () => {
      props.onCreated();
      props.orders.list.reload();
    },
  });
  const createLabel = () => `Create ${props.kind.toLowerCase()}`;
  return (
    <section class="page">
      <PageHeader
        title={props.title}
        actions={
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            {createLabel()}
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
        label={`${props.kind}s`}
        columns={['Number', ...props.columns.map((c) => c.header), 'Created', ACTIONS_COLUMN]}
        empty={`No ${props.kind.toLowerCase()}s here yet.`}
      >
        <tbody>
          <For each={props.orders.list.items()}>
            {(order) => (
              <tr>
                <td>
                  <A href={`/stores/${storeId()}/${props.route}/${order.id}`}>{order.number}</A>
                </td>
                {props.columns.map((column) => column.cell(order))}
                <td>{formatTime(order.createdAt)}</td>
                <OrderRowActions
                  kind={props.kind}
                  order={order}
                  actions={props.actions}
                  reload={props.orders.list.reload}
                />
              </tr>
            )}
          </For>
        </tbody>
      </ListTable>
      <LoadMoreButton list={props.orders.list} />
      <FormDialog
        title={createLabel()}
        submitLabel={createLabel()}
        open={creating()}
        onOpenChange={setCreating}
        form={form}
      >
        {props.fields(form)}
      </FormDialog>
    </section>
  );
}

/** What every order list shows of an order. */
interface OrderRow {
  id: number;
  number: string;
  createdAt: number;
}
