import { Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { OrderFacts } from './order-facts.tsx';
import { createOrderFulfilment, OrderFulfilmentButton, OrderFulfilmentDialog } from './order-fulfilment.tsx';
import { PURCHASE_ORDER } from './order-kinds.ts';
import { OrderLinesTable } from './order-lines-table.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';
import { purchaseOrderRequests } from './order-requests.ts';
import { createOrderResource } from './order-resource.ts';

const RECEIVING = { verb: 'Receive', done: 'received', detail: 'The goods are on hand.' };

const CANCELLING = {
  label: 'Cancel order',
  description: 'Its quantities no longer count as incoming. A cancelled order cannot be reopened.',
  released: 'It no longer counts as incoming.',
};

/** One purchase order: each line ordered, received and still incoming; receive (all or part) or cancel. */
export function PurchaseOrderPage() {
  const requests = purchaseOrderRequests(useApi());
  const resource = createOrderResource(PURCHASE_ORDER, requests.get);
  const receiving = createOrderFulfilment(resource, RECEIVING, requests.receive);

  return (
    <OrderPageLayout
      resource={resource}
      actions={(o) => (
        <Show when={o().status === 'open' || o().status === 'partially_received'}>
          <OrderFulfilmentButton fulfilment={receiving} />
        </Show>
      )}
      cancel={{
        when: (o) => o.status === 'open',
        copy: CANCELLING,
        request: requests.cancel,
      }}
    >
      {(o) => (
        <>
          <OrderFacts order={o()}>
            <dt>Supplier</dt>
            <dd>{o().supplier ?? '—'}</dd>
          </OrderFacts>
          <OrderLinesTable
            lines={o().lines}
            columns={[{ label: 'Received', count: (line) => line.received }]}
          />
          <OrderFulfilmentDialog fulfilment={receiving} order={o()} />
        </>
      )}
    </OrderPageLayout>
  );
}
