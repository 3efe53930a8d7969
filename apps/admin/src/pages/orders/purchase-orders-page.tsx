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

type Status = components['schemas']['PurchaseOrderStatus'];
type Order = components['schemas']['PurchaseOrderSummary'];

/** Purchase orders: open ones count as incoming; receiving puts the goods on hand. */
export function PurchaseOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const orders = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/purchase-orders', { params: { path: { storeId }, query } })),
  );
  const [number, setNumber] = createSignal('');
  const [supplier, setSupplier] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);

  const form = createFormSubmit(async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/purchase-orders', {
        params: { path: { storeId: storeId() } },
        body: {
          number: number(),
          ...(supplier().trim() && { supplier: supplier().trim() }),
          lines: linesToSend(lines()),
        },
      }),
    );
    notify('success', `Purchase order ${order.number} created`, 'Its quantities count as incoming.');
    setNumber('');
    setSupplier('');
    setLines([{ ...EMPTY_LINE }]);
    orders.list.reload();
  });

  /** Receives everything still outstanding (partial receipts go through the order's page, the API or a CSV upload). */
  const receiveAll = (order: Order) =>
    withFailureToast(`Could not receive purchase order ${order.number}`, async () => {
      const path = { storeId: storeId(), orderId: order.id };
      const detail = await unwrap(
        api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path } }),
      );
      const outstanding = detail.lines
        .filter((l) => l.outstanding > 0)
        .map((l) => ({ lineId: l.id, quantity: l.outstanding }));
      if (outstanding.length === 0) return;
      await unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/receive', {
          params: { path },
          body: { lines: outstanding },
        }),
      );
      notify('success', `Purchase order ${order.number} received`, 'The goods are on hand.');
      orders.list.reload();
    });
  const cancel = (order: Order) =>
    withFailureToast(`Could not cancel purchase order ${order.number}`, async () => {
      await unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', {
          params: { path: { storeId: storeId(), orderId: order.id } },
        }),
      );
      notify('success', `Purchase order ${order.number} cancelled`);
      orders.list.reload();
    });

  return (
    <OrderListLayout
      title="Purchase Orders"
      createLabel="Create purchase order"
      statusLabel="Order status"
      statuses={['open', 'partially_received', 'received', 'cancelled']}
      orders={orders}
      tableLabel="Purchase orders"
      columns={['Number', 'Supplier', 'Status', 'Created', ACTIONS_COLUMN]}
      empty="No purchase orders here yet."
      row={(order) => (
        <tr>
          <td>
            <A href={`/stores/${storeId()}/purchase-orders/${order.id}`}>{order.number}</A>
          </td>
          <td>{order.supplier ?? '—'}</td>
          <td>{humanize(order.status)}</td>
          <td>{formatTime(order.createdAt)}</td>
          <td class="row-actions">
            <Show when={order.status === 'open' || order.status === 'partially_received'}>
              <button type="button" class="button button-small" onClick={() => void receiveAll(order)}>
                Receive all
              </button>
            </Show>
            <Show when={order.status === 'open'}>
              <button type="button" class="button button-small" onClick={() => void cancel(order)}>
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
          <TextField
            label="Supplier"
            value={supplier()}
            onInput={(e) => setSupplier(e.currentTarget.value)}
            error={form.fieldErrors().get('body.supplier')}
          />
          <LinesEditor lines={lines()} onChange={setLines} errors={form.fieldErrors()} />
        </>
      }
    />
  );
}
