import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { useStore } from '../../store/store-context.tsx';
import { STATUS_COLUMN } from './order-column.tsx';
import { createOrderLinesDraft, OrderLinesDraftFields } from './order-lines-draft.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';
import { cancelRowAction } from './order-row-actions.tsx';
import { useOrderSource } from './order-source.ts';

type Status = components['schemas']['SalesOrderStatus'];
type Order = components['schemas']['SalesOrderSummary'];

const isOpen = (order: Order) => order.status === 'open' || order.status === 'partially_shipped';

/** Sales orders: creating one commits stock; shipping takes it out of on hand; cancelling releases it. */
export function SalesOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders', { params: { path: { storeId }, query } })),
  );
  const source = useOrderSource();
  const draft = createOrderLinesDraft();
  const path = (order: Order) => ({ storeId: storeId(), orderId: order.id });

  return (
    <OrderListLayout
      kind="Sales order"
      title="Sales Orders"
      route="sales-orders"
      statusLabel="Order status"
      statuses={['open', 'partially_shipped', 'shipped', 'cancelled']}
      orders={orders}
      columns={[STATUS_COLUMN, { header: 'Source', cell: (order) => <td>{source(order.channelId)}</td> }]}
      actions={[
        {
          label: 'Ship',
          verb: 'ship',
          done: 'shipped',
          when: isOpen,
          request: (order) =>
            unwrap(
              api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', {
                params: { path: path(order) },
                body: {},
              }),
            ),
        },
        cancelRowAction(isOpen, (order) =>
          unwrap(
            api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path: path(order) } }),
          ),
        ),
      ]}
      create={() =>
        unwrap(
          api.POST('/stores/{storeId}/sales-orders', {
            params: { path: { storeId: storeId() } },
            body: draft.body(),
          }),
        )
      }
      created="Its quantities are committed."
      onCreated={draft.reset}
      fields={(form) => <OrderLinesDraftFields draft={draft} form={form} />}
    />
  );
}
