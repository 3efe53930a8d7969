import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { STATUS_COLUMN } from './order-column.tsx';
import { SALES_ORDER } from './order-kinds.ts';
import { createOrderLinesDraft, OrderLinesDraftFields } from './order-lines-draft.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';
import { salesOrderRequests } from './order-requests.ts';
import { useOrderSource } from './order-source.ts';

type Status = components['schemas']['SalesOrderStatus'];
type Order = components['schemas']['SalesOrderSummary'];

const isOpen = (order: Order) => order.status === 'open' || order.status === 'partially_shipped';

/** Sales orders: creating one commits stock; shipping takes it out of on hand; cancelling releases it. */
export function SalesOrdersPage() {
  const api = useApi();
  const requests = salesOrderRequests(api);
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders', { params: { path: { storeId }, query } })),
  );
  const source = useOrderSource();
  const draft = createOrderLinesDraft();

  return (
    <OrderListLayout
      kind={SALES_ORDER}
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
          request: requests.shipAll,
        },
      ]}
      cancel={{
        when: isOpen,
        request: requests.cancel,
      }}
      create={(path) =>
        unwrap(api.POST('/stores/{storeId}/sales-orders', { params: { path }, body: draft.body() }))
      }
      created="Its quantities are committed."
      onCreated={draft.reset}
      fields={(form) => <OrderLinesDraftFields draft={draft} form={form} />}
    />
  );
}
