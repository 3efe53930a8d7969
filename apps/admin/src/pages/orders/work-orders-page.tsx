import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { useStore } from '../../store/store-context.tsx';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';

type Status = components['schemas']['WorkOrderStatus'];
type Order = components['schemas']['WorkOrderSummary'];

/** Work orders: build assemblies; completing consumes the components and adds the finished product. */
export function WorkOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/work-orders', { params: { path: { storeId }, query } })),
  );
  const [number, setNumber] = createSignal('');
  const [sku, setSku] = createSignal('');
  const [quantity, setQuantity] = createSignal('1');

  const form = createFormSubmit(async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/work-orders', {
        params: { path: { storeId: storeId() } },
        body: { number: number(), sku: sku().trim(), quantity: Number(quantity()) },
      }),
    );
    notify('success', `Work order ${order.number} created`, 'Its components are committed.');
    setNumber('');
    setSku('');
    setQuantity('1');
    orders.list.reload();
  });
  const act = (order: Order, action: 'complete' | 'cancel') =>
    withFailureToast(`Could not ${action} work order ${order.number}`, async () => {
      const path = { storeId: storeId(), workOrderId: order.id };
      if (action === 'complete') {
        await unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/complete', { params: { path } }));
      } else {
        await unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path } }));
      }
      notify('success', `Work order ${order.number} ${action === 'complete' ? 'completed' : 'cancelled'}`);
      orders.list.reload();
    });

  return (
    <OrderListLayout
      title="Work Orders"
      createLabel="Create work order"
      statusLabel="Work order status"
      statuses={['in_progress', 'completed', 'cancelled']}
      orders={orders}
      tableLabel="Work orders"
      columns={[
        'Number',
        'Assembly',
        { label: 'Quantity', numeric: true },
        'Status',
        'Created',
        ACTIONS_COLUMN,
      ]}
      empty="No work orders here yet."
      row={(order) => (
        <tr>
          <td>
            <A href={`/stores/${storeId()}/work-orders/${order.id}`}>{order.number}</A>
          </td>
          <td>{order.sku}</td>
          <td class="num">{order.quantity}</td>
          <td>{humanize(order.status)}</td>
          <td>{formatTime(order.createdAt)}</td>
          <td class="row-actions">
            <Show when={order.status === 'in_progress'}>
              <button type="button" class="button button-small" onClick={() => void act(order, 'complete')}>
                Complete
              </button>
              <button type="button" class="button button-small" onClick={() => void act(order, 'cancel')}>
                Cancel
              </button>
            </Show>
          </td>
        </tr>
      )}
      form={form}
      fields={
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
      }
    />
  );
}
