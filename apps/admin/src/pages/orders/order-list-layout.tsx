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
import type { OrderKind } from './order-kinds.ts';
import type { createOrderList } from './order-list.ts';
import { CANCEL_ROW_ACTION, type OrderRowAction, OrderRowActions } from './order-row-actions.tsx';

/**
 * The page every kind of order is listed on: its create button and dialog (the kind's fields and request),
 * a tab for all orders and one per status (named like the Status column), the table and “Load more”. Each
 * row starts with the order's number, which opens its page, then the kind's own `columns`, when it was
 * created, the row `actions` and “Cancel”. Labels name the kind: “Create sales order”, the table “Sales orders”.
 */
export function OrderListLayout<Status extends string, Param extends string, Order extends OrderRow>(props: {
  kind: OrderKind<Param>;
  statusLabel: string;
  statuses: Status[];
  orders: ReturnType<typeof createOrderList<Status, Order>>;
  columns: readonly OrderColumn<Order>[];
  /** The row buttons before “Cancel”. */
  actions: readonly OrderRowAction<NoInfer<Param>, Order>[];
  /** “Cancel”, the last row button: while `when` holds for the order, `request` cancels it. */
  cancel: Pick<OrderRowAction<NoInfer<Param>, Order>, 'when' | 'request'>;
  /** Asks the kind's route to create, in the store of `path`, the order the dialog's fields describe. */
  create: (path: { storeId: number }) => Promise<{ number: string }>;
  /** What the toast says creating it did: “Its quantities are committed.” */
  created: string;
  /** Empties the fields once the order was created. */
  onCreated: () => void;
  /** The dialog's fields; `form` holds what the server found wrong, keyed as it names them (`body.number`). */
  fields: (form: FormSubmit) => JSX.Element;
}) {
  const { storeId } = useStore();
  const [creating, setCreating] = createSignal(false);
  const actions = [...props.actions, { ...CANCEL_ROW_ACTION, ...props.cancel }];
  const form = createOrderCreateForm({
    kind: props.kind.name,
    request: () => props.create({ storeId: storeId() }),
    created: props.created,
    onCreated: () => {
      props.onCreated();
      props.orders.list.reload();
    },
  });
  const createLabel = () => `Create ${props.kind.name.toLowerCase()}`;
  return (
    <section class="page">
      <PageHeader
        title={props.kind.title}
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
        label={`${props.kind.name}s`}
        columns={['Number', ...props.columns.map((c) => c.header), 'Created', ACTIONS_COLUMN]}
        empty={`No ${props.kind.name.toLowerCase()}s here yet.`}
      >
        <tbody>
          <For each={props.orders.list.items()}>
            {(order) => (
              <tr>
                <td>
                  <A href={`/stores/${storeId()}/${props.kind.route}/${order.id}`}>{order.number}</A>
                </td>
                {props.columns.map((column) => column.cell(order))}
                <td>{formatTime(order.createdAt)}</td>
                <OrderRowActions
                  kind={props.kind}
                  order={order}
                  actions={actions}
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
