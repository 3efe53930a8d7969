import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { EMPTY_LINE, type LineDraft, linesToSend } from '../../lib/lines.ts';
import { useStore } from '../../store/store-context.tsx';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { LinesEditor } from '../../ui/lines-editor.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { OrderListLayout } from './order-list-layout.tsx';
import { useOrderSource } from './order-source.ts';

type Status = components['schemas']['SalesOrderStatus'];
type Order = components['schemas']['SalesOrderSummary'];

/** Sales orders: creating one commits stock; shipping takes it out of on hand; cancelling releases it. */
export function SalesOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders', { params: { path: { storeId }, query } })),
  );
  const source = useOrderSource();
  const [number, setNumber] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);

  const form = createFormSubmit(async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/sales-orders', {
        params: { path: { storeId: storeId() } },
        body: { number: number(), lines: linesToSend(lines()) },
      }),
    );
    notify('success', `Sales order ${order.number} created`, 'Its quantities are committed.');
    setNumber('');
    setLines([{ ...EMPTY_LINE }]);
    orders.list.reload();
  });

  const act = (order: Order, action: 'ship' | 'cancel') =>
    withFailureToast(`Could not ${action} sales order ${order.number}`, async () => {
      const path = { storeId: storeId(), orderId: order.id };
      if (action === 'ship') {
        await unwrap(
          api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', { params: { path }, body: {} }),
        );
      } else {
        await unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path } }));
      }
      notify('success', `Sales order ${order.number} ${action === 'ship' ? 'shipped' : 'cancelled'}`);
      orders.list.reload();
    });

  return (
    <OrderListLayout
      title="Sales Orders"
      createLabel="Create sales order"
      statusLabel="Order status"
      statuses={['open', 'partially_shipped', 'shipped', 'cancelled']}
      orders={orders}
      tableLabel="Sales orders"
      columns={['Number', 'Status', 'Source', 'Created', ACTIONS_COLUMN]}
      empty="No sales orders here yet."
      row={(order) => (
        <tr>
          <td>
            <A href={`/stores/${storeId()}/sales-orders/${order.id}`}>{order.number}</A>
          </td>
          <td>{humanize(order.status)}</td>
          <td>{source(order.channelId)}</td>
          <td>{formatTime(order.createdAt)}</td>
          <td class="row-actions">
            <Show when={order.status === 'open' || order.status === 'partially_shipped'}>
              <button type="button" class="button button-small" onClick={() => void act(order, 'ship')}>
                Ship
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
            label="Order number"
            required
            value={number()}
            onInput={(e) => setNumber(e.currentTarget.value)}
            error={form.fieldErrors().get('body.number')}
          />
          <LinesEditor lines={lines()} onChange={setLines} errors={form.fieldErrors()} />
        </>
      }
    />
  );
}
