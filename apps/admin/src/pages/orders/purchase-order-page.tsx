import { Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { useStore } from '../../store/store-context.tsx';
import { createOrderCancel, OrderCancelButton } from './order-cancel.tsx';
import { OrderFacts } from './order-facts.tsx';
import { createOrderFulfilment, OrderFulfilmentButton, OrderFulfilmentDialog } from './order-fulfilment.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';
import { createOrderResource } from './order-resource.ts';
import { OrderSkuTable } from './order-sku-table.tsx';

const KIND = 'Purchase order';

/** One purchase order: each line ordered, received and still incoming; receive (all or part) or cancel. */
export function PurchaseOrderPage() {
  const api = useApi();
  const { storeId } = useStore();
  const { order, mutate, path } = createOrderResource('orderId', (path) =>
    unwrap(api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path } })),
  );
  const receiving = createOrderFulfilment({
    kind: KIND,
    verb: 'Receive',
    done: 'received',
    detail: 'The goods are on hand.',
    request: (lines) =>
      unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/receive', {
          params: { path: path() },
          body: { lines },
        }),
      ),
    onDone: mutate,
  });
  const cancelling = createOrderCancel({
    kind: KIND,
    label: 'Cancel order',
    description: 'Its quantities no longer count as incoming. A cancelled order cannot be reopened.',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'It no longer counts as incoming.',
  });

  return (
    <OrderPageLayout
      back={{ href: `/stores/${storeId()}/purchase-orders`, label: 'Purchase Orders' }}
      order={order}
      kind={KIND}
      cancel={cancelling}
      actions={(o) => (
        <>
          <Show when={o().status === 'open' || o().status === 'partially_received'}>
            <OrderFulfilmentButton fulfilment={receiving} />
          </Show>
          <Show when={o().status === 'open'}>
            <OrderCancelButton cancel={cancelling} order={o()} />
          </Show>
        </>
      )}
    >
      {(o) => (
        <>
          <OrderFacts order={o()}>
            <dt>Supplier</dt>
            <dd>{o().supplier ?? '—'}</dd>
          </OrderFacts>
          <OrderSkuTable
            label="Order lines"
            rows={o().lines}
            columns={[
              { label: 'Ordered', count: (line) => line.quantity },
              { label: 'Received', count: (line) => line.received },
              { label: 'Open', count: (line) => line.outstanding },
            ]}
          />
          <OrderFulfilmentDialog fulfilment={receiving} order={o()} />
        </>
      )}
    </OrderPageLayout>
  );
}
