import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { formatTime } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { OrderStatusBadge } from '../../ui/status-badge.tsx';
import { notify } from '../../ui/toaster.tsx';

/**
 * One work order: the assembly it builds and the components it takes (committed while in progress, consumed
 * when completed); complete it or cancel it.
 */
export function WorkOrderPage() {
  const api = useApi();
  const params = useParams();
  const { storeId, locationName } = useStore();
  const path = () => ({ storeId: storeId(), workOrderId: Number(params.workOrderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/work-orders/{workOrderId}', { params: { path: p } })),
  );
  const [cancelling, setCancelling] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  /** Built so far: a work order completes whole (the API has no partial completion). */
  const built = () => (latest(order)?.status === 'completed' ? (latest(order)?.quantity ?? 0) : 0);
  const open = () => (latest(order)?.status === 'in_progress' ? (latest(order)?.quantity ?? 0) : 0);

  const act = async (action: 'complete' | 'cancel') => {
    const current = latest(order);
    if (!current) return;
    setBusy(true);
    try {
      const updated =
        action === 'complete'
          ? await unwrap(
              api.POST('/stores/{storeId}/work-orders/{workOrderId}/complete', { params: { path: path() } }),
            )
          : await unwrap(
              api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path: path() } }),
            );
      mutate(updated);
      notify(
        'success',
        `Work order ${current.number} ${action === 'complete' ? 'completed' : 'cancelled'}`,
        action === 'complete'
          ? `${current.quantity} × ${current.sku} added; the components were consumed.`
          : 'Its components are released.',
      );
      setCancelling(false);
    } catch (error) {
      notify('error', `Could not ${action} work order ${current.number}`, errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page">
      <p>
        <A href={`/stores/${storeId()}/work-orders`}>← Work Orders</A>
      </p>
      <Show when={order.error}>
        <p class="form-error" role="alert">
          {errorMessage(order.error)}
        </p>
      </Show>
      <Show when={latest(order)}>
        {(o) => (
          <>
            <header class="page-header">
              <h1>
                Work order {o().number} <OrderStatusBadge status={o().status} />
              </h1>
              <Show when={o().status === 'in_progress'}>
                <div class="page-actions">
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={busy()}
                    onClick={() => void act('complete')}
                  >
                    Complete
                  </button>
                  <button type="button" class="button button-danger" onClick={() => setCancelling(true)}>
                    Cancel work order
                  </button>
                </div>
              </Show>
            </header>
            <dl class="facts card">
              <dt>Location</dt>
              <dd>{locationName(o().locationId) ?? `#${o().locationId}`}</dd>
              <dt>Created</dt>
              <dd>{formatTime(o().createdAt)}</dd>
              <dt>Updated</dt>
              <dd>{formatTime(o().updatedAt)}</dd>
            </dl>
            <h2>Builds</h2>
            <div class="table-scroll">
              <table class="table" aria-label="Order lines">
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col" class="num">
                      Ordered
                    </th>
                    <th scope="col" class="num">
                      Built
                    </th>
                    <th scope="col" class="num">
                      Open
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr data-sku={o().sku}>
                    <td>
                      <A class="sku" href={`/stores/${storeId()}/products/${o().productId}`}>
                        {o().sku}
                      </A>
                    </td>
                    <td class="num">{o().quantity}</td>
                    <td class="num">{built()}</td>
                    <td class="num">{open()}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <h2>Components</h2>
            <div class="table-scroll">
              <table class="table" aria-label="Components">
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col" class="num">
                      Per unit
                    </th>
                    <th scope="col" class="num">
                      Required
                    </th>
                    <th scope="col">Stock</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={o().components}>
                    {(component) => (
                      <tr data-sku={component.sku}>
                        <td>
                          <A class="sku" href={`/stores/${storeId()}/products/${component.productId}`}>
                            {component.sku}
                          </A>
                        </td>
                        <td class="num">{component.required / o().quantity}</td>
                        <td class="num">{component.required}</td>
                        <td>
                          {
                            {
                              in_progress: 'Committed',
                              completed: 'Consumed',
                              cancelled: 'Released',
                            }[o().status]
                          }
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <ConfirmDialog
              open={cancelling()}
              title={`Cancel work order ${o().number}?`}
              description="Its components are released and nothing is built. A cancelled work order cannot be reopened."
              confirmLabel="Cancel work order"
              busy={busy()}
              onConfirm={() => void act('cancel')}
              onCancel={() => setCancelling(false)}
            />
          </>
        )}
      </Show>
    </section>
  );
}
