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
import { useOrderSource } from './order-source.ts';

const KIND = 'Sales order';

/** One sales order: each line ordered, shipped, cancelled and still committed; ship (all or part) or cancel. */
export function SalesOrderPage() {
  const api = useApi();
  const { storeId } = useStore();
  const source = useOrderSource();
  const { order, mutate, path } = createOrderResource('orderId', (path) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders/{orderId}', { params: { path } })),
  );
  const shipping = createOrderFulfilment({
    kind: KIND,
    verb: 'Ship',
    done: 'shipped',
    detail: 'The shipped units left on hand.',
    request: (lines) =>
      unwrap(
        api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', {
          params: { path: path() },
          body: { lines },
        }),
      ),
    onDone: mutate,
  });
  const cancelling = createOrderCancel({
    kind: KIND,
    label: 'Cancel order',
    description:
      'What it still commits is released; what was shipped stays shipped. A cancelled order cannot be reopened.',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'What it still committed is released.',
  });

  return (
    <OrderPageLayout
      back={{ href: `/stores/${storeId()}/sales-orders`, label: 'Sales Orders' }}
      order={order}
      kind={KIND}
      cancel={cancelling}
      actions={(o) => (
        <Show when={o().status === 'open' || o().status === 'partially_shipped'}>
          <OrderFulfilmentButton fulfilment={shipping} />
          <OrderCancelButton cancel={cancelling} order={o()} />
        </Show>
      )}
    >
      {(o) => (
        <>
          <OrderFacts order={o()}>
            <dt>Source</dt>
            <dd>{source(o().channelId)}</dd>
          </OrderFacts>
          <OrderSkuTable
            label="Order lines"
            rows={o().lines}
            columns={[
              { label: 'Ordered', count: (line) => line.quantity },
              { label: 'Shipped', count: (line) => line.shipped },
              { label: 'Cancelled', count: (line) => line.cancelled },
              { label: 'Open', count: (line) => line.outstanding },
            ]}
            note={(line) => (
              <Show when={line.allocations.some((a) => a.productId !== line.productId)}>
                <span class="cell-sub">
                  Kit: {line.allocations.map((a) => `${a.perUnit} × ${a.sku}`).join(', ')}
                </span>
              </Show>
            )}
          />
          <OrderFulfilmentDialog fulfilment={shipping} order={o()} />
        </>
      )}
    </OrderPageLayout>
  );
}
