import { Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import type { components } from '../../api/schema.gen.ts';
import { OrderFacts } from './order-facts.tsx';
import { createOrderFulfilment, OrderFulfilmentButton, OrderFulfilmentDialog } from './order-fulfilment.tsx';
import { SALES_ORDER } from './order-kinds.ts';
import { OrderLinesTable } from './order-lines-table.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';
import { salesOrderRequests } from './order-requests.ts';
import { createOrderResource } from './order-resource.ts';
import { useOrderSource } from './order-source.ts';

type Order = components['schemas']['SalesOrder'];

/** Still to ship: it can be shipped or cancelled. */
const isOpen = (order: Order) => order.status === 'open' || order.status === 'partially_shipped';

const SHIPPING = { verb: 'Ship', done: 'shipped', detail: 'The shipped units left on hand.' };

const CANCELLING = {
  label: 'Cancel order',
  description:
    'What it still commits is released; what was shipped stays shipped. A cancelled order cannot be reopened.',
  released: 'What it still committed is released.',
};

/** One sales order: each line ordered, shipped, cancelled and still committed; ship (all or part) or cancel. */
export function SalesOrderPage() {
  const requests = salesOrderRequests(useApi());
  const source = useOrderSource();
  const resource = createOrderResource(SALES_ORDER, requests.get);
  const shipping = createOrderFulfilment(resource, SHIPPING, requests.ship);

  return (
    <OrderPageLayout
      resource={resource}
      actions={(o) => (
        <Show when={isOpen(o())}>
          <OrderFulfilmentButton fulfilment={shipping} />
        </Show>
      )}
      cancel={{
        when: isOpen,
        copy: CANCELLING,
        request: requests.cancel,
      }}
    >
      {(o) => (
        <>
          <OrderFacts order={o()}>
            <dt>Source</dt>
            <dd>{source(o().channelId)}</dd>
          </OrderFacts>
          <OrderLinesTable
            lines={o().lines}
            columns={[
              { label: 'Shipped', count: (line) => line.shipped },
              { label: 'Cancelled', count: (line) => line.cancelled },
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
