import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { SkuLink } from '../../ui/sku-link.tsx';
import { notify } from '../../ui/toaster.tsx';
import { createOrderCancel, OrderCancelDialog } from './order-cancel.tsx';
import { OrderFacts } from './order-facts.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';

type Order = components['schemas']['WorkOrder'];

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
  const params = useParams();
  const { storeId } = useStore();
  const path = () => ({ storeId: storeId(), workOrderId: Number(params.workOrderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/work-orders/{workOrderId}', { params: { path: p } })),
  );
  const [completing, setCompleting] = createSignal(false);
  const cancelling = createOrderCancel({
    kind: 'Work order',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'Its components are released.',
  });
  /** Built so far: a work order completes whole (the API has no partial completion). */
  const built = () => (latest(order)?.status === 'completed' ? (latest(order)?.quantity ?? 0) : 0);
  const open = () => (latest(order)?.status === 'in_progress' ? (latest(order)?.quantity ?? 0) : 0);

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
      kind="Work order"
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
          <button type="button" class="button button-danger" onClick={() => cancelling.ask(o())}>
            Cancel work order
          </button>
        </Show>
      )}
    >
      {(o) => (
        <>
          <OrderFacts order={o()} />
          <h2>Builds</h2>
          <DataTable
            label="Order lines"
            columns={[
              'SKU',
              { label: 'Ordered', numeric: true },
              { label: 'Built', numeric: true },
              { label: 'Open', numeric: true },
            ]}
          >
            <tbody>
              <tr data-sku={o().sku}>
                <td>
                  <SkuLink storeId={storeId()} productId={o().productId} sku={o().sku} />
                </td>
                <td class="num">{o().quantity}</td>
                <td class="num">{built()}</td>
                <td class="num">{open()}</td>
              </tr>
            </tbody>
          </DataTable>
          <h2>Components</h2>
          <DataTable
            label="Components"
            columns={[
              'SKU',
              { label: 'Per unit', numeric: true },
              { label: 'Required', numeric: true },
              'Stock',
            ]}
          >
            <tbody>
              <For each={o().components}>
                {(component) => (
                  <tr data-sku={component.sku}>
                    <td>
                      <SkuLink storeId={storeId()} productId={component.productId} sku={component.sku} />
                    </td>
                    <td class="num">{component.required / o().quantity}</td>
                    <td class="num">{component.required}</td>
                    <td>{STOCK_OF_COMPONENTS[o().status]}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </DataTable>
          <OrderCancelDialog
            cancel={cancelling}
            number={o().number}
            description="Its components are released and nothing is built. A cancelled work order cannot be reopened."
            confirmLabel="Cancel work order"
          />
        </>
      )}
    </OrderPageLayout>
  );
}
