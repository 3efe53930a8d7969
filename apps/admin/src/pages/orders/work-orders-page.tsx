import { createSignal } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { TextField } from '../../ui/text-field.tsx';
import { STATUS_COLUMN } from './order-column.tsx';
import { WORK_ORDER } from './order-kinds.ts';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';
import { workOrderRequests } from './order-requests.ts';

type Status = components['schemas']['WorkOrderStatus'];
type Order = components['schemas']['WorkOrderSummary'];

const inProgress = (order: Order) => order.status === 'in_progress';

/** Work orders: build assemblies; completing consumes the components and adds the finished product. */
export function WorkOrdersPage() {
  const api = useApi();
  const requests = workOrderRequests(api);
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/work-orders', { params: { path: { storeId }, query } })),
  );
  const [number, setNumber] = createSignal('');
  const [sku, setSku] = createSignal('');
  const [quantity, setQuantity] = createSignal('1');

  return (
    <OrderListLayout
      kind={WORK_ORDER}
      statusLabel="Work order status"
      statuses={['in_progress', 'completed', 'cancelled']}
      orders={orders}
      columns={[
        { header: 'Assembly', cell: (order) => <td>{order.sku}</td> },
        {
          header: { label: 'Quantity', numeric: true },
          cell: (order) => <td class="num">{order.quantity}</td>,
        },
        STATUS_COLUMN,
      ]}
      actions={[
        {
          label: 'Complete',
          verb: 'complete',
          done: 'completed',
          when: inProgress,
          request: requests.complete,
        },
      ]}
      cancel={{
        when: inProgress,
        request: requests.cancel,
      }}
      create={(path) =>
        unwrap(
          api.POST('/stores/{storeId}/work-orders', {
            params: { path },
            body: { number: number(), sku: sku().trim(), quantity: Number(quantity()) },
          }),
        )
      }
      created="Its components are committed."
      onCreated={() => {
        setNumber('');
        setSku('');
        setQuantity('1');
      }}
      fields={(form) => (
        <>
          <TextField
            label="Work order number"
            required
            value={number()}
            onInput={(e) => setNumber(e.currentTarget.value)}
            error={form.fieldErrors().get('body.number')}
          />
          <TextField
            label="Assembly SKU"
            required
            value={sku()}
            onInput={(e) => setSku(e.currentTarget.value)}
            error={form.fieldErrors().get('body.sku')}
          />
          <TextField
            label="Quantity to build"
            type="number"
            min="1"
            required
            value={quantity()}
            onInput={(e) => setQuantity(e.currentTarget.value)}
            error={form.fieldErrors().get('body.quantity')}
          />
        </>
      )}
    />
  );
}
