import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { useStore } from '../../store/store-context.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';
import { createOrderCancel, OrderCancelButton } from './order-cancel.tsx';
import { OrderFacts } from './order-facts.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';
import { createOrderResource } from './order-resource.ts';
import { OrderSkuTable } from './order-sku-table.tsx';

type Order = components['schemas']['WorkOrder'];

const KIND = 'Work order';

const STOCK_OF_COMPONENTS: Record<Order['status'], string> = {
  in_progress: 'Committed',
  completed: 'Consumed',
  cancelled: 'Released',
};

/**
 * One work order: the assembly it builds and the components it takes (committed while in progress, consumed
 * when completed); complete it or cancel it.
 */
export function WorkOrderPage() {
  const api = useApi();
  const { storeId } = useStore();
  const { order, mutate, path } = createOrderResource('workOrderId', (path) =>
    unwrap(api.GET('/stores/{storeId}/work-orders/{workOrderId}', { params: { path } })),
  );
  const [completing, setCompleting] = createSignal(false);
  const cancelling = createOrderCancel({
    kind: KIND,
    label: 'Cancel work order',
    description:
      'Its components are released and nothing is built. A cancelled work order cannot be reopened.',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'Its components are released.',
  });

  const complete = async (current: Order) => {
    setCompleting(true);
    await withFailureToast(`Could not complete work order ${current.number}`, async () => {
      mutate(
        await unwrap(
          api.POST('/stores/{storeId}/work-orders/{workOrderId}/complete', { params: { path: path() } }),
        ),
      );
      notify(
        'success',
        `Work order ${current.number} completed`,
        `${current.quantity} × ${current.sku} added; the components were consumed.`,
      );
    });
    setCompleting(false);
  };

  return (
    <OrderPageLayout
      back={{ href: `/stores/${storeId()}/work-orders`, label: 'Work Orders' }}
      order={order}
      kind={KIND}
      cancel={cancelling}
      actions={(o) => (
        <Show when={o().status === 'in_progress'}>
          <button
            type="button"
            class="button button-primary"
            disabled={completing()}
            onClick={() => void complete(o())}
          >
            Complete
          </button>
          <OrderCancelButton cancel={cancelling} order={o()} />
        </Show>
      )}
    >
      {(o) => (
        <>
          <OrderFacts order={o()} />
          <h2>Builds</h2>
          <OrderSkuTable
            label="Order lines"
            rows={[o()]}
            columns={[
              { label: 'Ordered', count: (build) => build.quantity },
              // A work order completes whole (the API has no partial completion).
              { label: 'Built', count: (build) => (build.status === 'completed' ? build.quantity : 0) },
              { label: 'Open', count: (build) => (build.status === 'in_progress' ? build.quantity : 0) },
            ]}
          />
          <h2>Components</h2>
          <OrderSkuTable
            label="Components"
            rows={o().components}
            columns={[
              { label: 'Per unit', count: (component) => component.required / o().quantity },
              { label: 'Required', count: (component) => component.required },
              { label: 'Stock', text: () => STOCK_OF_COMPONENTS[o().status] },
            ]}
          />
        </>
      )}
    </OrderPageLayout>
  );
}
