import { createSignal } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { TextField } from '../../ui/text-field.tsx';
import { STATUS_COLUMN } from './order-column.tsx';
import { type OrderPath, PURCHASE_ORDER } from './order-kinds.ts';
import { createOrderLinesDraft, OrderLinesDraftFields } from './order-lines-draft.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';
import { purchaseOrderRequests } from './order-requests.ts';

type Status = components['schemas']['PurchaseOrderStatus'];

/** Purchase orders: open ones count as incoming; receiving puts the goods on hand. */
export function PurchaseOrdersPage() {
  const api = useApi();
  const requests = purchaseOrderRequests(api);
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/purchase-orders', { params: { path: { storeId }, query } })),
  );
  const draft = createOrderLinesDraft();
  const [supplier, setSupplier] = createSignal('');

  /** Receives everything still outstanding (partial receipts go through the order's page, the API or a CSV upload). */
  const receiveAll = async (path: OrderPath<'orderId'>) => {
    const detail = await requests.get(path);
    const outstanding = detail.lines
      .filter((l) => l.outstanding > 0)
      .map((l) => ({ lineId: l.id, quantity: l.outstanding }));
    if (outstanding.length === 0) return false;
    return requests.receive(path, outstanding);
  };

  return (
    <OrderListLayout
      kind={PURCHASE_ORDER}
      statusLabel="Order status"
      statuses={['open', 'partially_received', 'received', 'cancelled']}
      orders={orders}
      columns={[{ header: 'Supplier', cell: (order) => <td>{order.supplier ?? '—'}</td> }, STATUS_COLUMN]}
      actions={[
        {
          label: 'Receive all',
          verb: 'receive',
          done: 'received',
          detail: 'The goods are on hand.',
          when: (order) => order.status === 'open' || order.status === 'partially_received',
          request: receiveAll,
        },
      ]}
      cancel={{
        when: (order) => order.status === 'open',
        request: requests.cancel,
      }}
      create={(path) =>
        unwrap(
          api.POST('/stores/{storeId}/purchase-orders', {
            params: { path },
            body: { ...draft.body(), ...(supplier().trim() && { supplier: supplier().trim() }) },
          }),
        )
      }
      created="Its quantities count as incoming."
      onCreated={() => {
        draft.reset();
        setSupplier('');
      }}
      fields={(form) => (
        <OrderLinesDraftFields draft={draft} form={form}>
          <TextField
            label="Supplier"
            value={supplier()}
            onInput={(e) => setSupplier(e.currentTarget.value)}
            error={form.fieldErrors().get('body.supplier')}
          />
        </OrderLinesDraftFields>
      )}
    />
  );
}
