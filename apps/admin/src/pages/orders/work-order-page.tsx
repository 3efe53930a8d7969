import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import type { components } from '../../api/schema.gen.ts';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';
import { OrderFacts } from './order-facts.tsx';
import { WORK_ORDER } from './order-kinds.ts';
import { OrderLinesTable } from './order-lines-table.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';
import { workOrderRequests } from './order-requests.ts';
import { createOrderResource } from './order-resource.ts';
import { OrderSkuTable } from './order-sku-table.tsx';

type Order = components['schemas']['WorkOrder'];

const CANCELLING = {
  label: 'Cancel work order',
  description: 'Its components are released and nothing is built. A cancelled work order cannot be reopened.',
  released: 'Its components are released.',
};

const inProgress = (order: Order) => order.status === 'in_progress';

/** The one line of a work order, its assembly: it completes whole (the API has no partial completion). */
const buildLine = (order: Order) => ({
  ...order,
  built: order.status === 'completed' ? order.quantity : 0,
  outstanding: inProgress(order) ? order.quantity : 0,
});

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
  const requests = workOrderRequests(useApi());
  const resource = createOrderResource(WORK_ORDER, requests.get);
  const [completing, setCompleting] = createSignal(false);

  const complete = async (current: Order) => {
    setCompleting(true);
    await withFailureToast(`Could not complete work order ${current.number}`, async () => {
      const completed = await requests.complete(resource.path());
      resource.mutate(completed);
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
      resource={resource}
      actions={(o) => (
        <Show when={inProgress(o())}>
          <button
            type="button"
            class="button button-primary"
            disabled={completing()}
            onClick={() => void complete(o())}
          >
            Complete
          </button>
        </Show>
      )}
      cancel={{
        when: inProgress,
        copy: CANCELLING,
        request: requests.cancel,
      }}
    >
      {(o) => (
        <>
          <OrderFacts order={o()} />
          <h2>Builds</h2>
          <OrderLinesTable
            lines={[buildLine(o())]}
            columns={[{ label: 'Built', count: (line) => line.built }]}
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
