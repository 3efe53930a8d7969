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
import { LineQuantitiesDialog } from './line-quantities-dialog.tsx';

/** One sales order: each line ordered, shipped, cancelled and still committed; ship (all or part) or cancel. */
export function SalesOrderPage() {
  const api = useApi();
  const params = useParams();
  const { storeId, channels, locationName } = useStore();
  const path = () => ({ storeId: storeId(), orderId: Number(params.orderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders/{orderId}', { params: { path: p } })),
  );
  const [shipping, setShipping] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const isOpen = () => ['open', 'partially_shipped'].includes(latest(order)?.status ?? '');

  const ship = async (lines: { lineId: number; quantity: number }[]) => {
    const updated = await unwrap(
      api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', {
        params: { path: path() },
        body: { lines },
      }),
    );
    mutate(updated);
    notify(
      'success',
      `Sales order ${updated.number} ${updated.status === 'shipped' ? 'shipped' : 'partly shipped'}`,
      'The shipped units left on hand.',
    );
  };
  const cancel = async () => {
    const current = latest(order);
    if (!current) return;
    setBusy(true);
    try {
      mutate(
        await unwrap(
          api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path: path() } }),
        ),
      );
      notify('success', `Sales order ${current.number} cancelled`, 'What it still committed is released.');
      setCancelling(false);
    } catch (error) {
      notify('error', `Could not cancel sales order ${current.number}`, errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const source = (channelId: number | null) =>
    channelId === null
      ? 'Manual'
      : (latest(channels)?.find((c) => c.id === channelId)?.name ?? `Channel #${channelId}`);

  return (
    <section class="page">
      <p>
        <A href={`/stores/${storeId()}/sales-orders`}>← Sales Orders</A>
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
                Sales order {o().number} <OrderStatusBadge status={o().status} />
              </h1>
              <Show when={isOpen()}>
                <div class="page-actions">
                  <button type="button" class="button button-primary" onClick={() => setShipping(true)}>
                    Ship…
                  </button>
                  <button type="button" class="button button-danger" onClick={() => setCancelling(true)}>
                    Cancel order
                  </button>
                </div>
              </Show>
            </header>
            <dl class="facts card">
              <dt>Source</dt>
              <dd>{source(o().channelId)}</dd>
              <dt>Location</dt>
              <dd>{locationName(o().locationId) ?? `#${o().locationId}`}</dd>
              <dt>Created</dt>
              <dd>{formatTime(o().createdAt)}</dd>
              <dt>Updated</dt>
              <dd>{formatTime(o().updatedAt)}</dd>
            </dl>
            <div class="table-scroll">
              <table class="table" aria-label="Order lines">
                <thead>
                  <tr>
                    <th scope="col">SKU</th>
                    <th scope="col" class="num">
                      Ordered
                    </th>
                    <th scope="col" class="num">
                      Shipped
                    </th>
                    <th scope="col" class="num">
                      Cancelled
                    </th>
                    <th scope="col" class="num">
                      Open
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={o().lines}>
                    {(line) => (
                      <tr data-sku={line.sku}>
                        <td>
                          <A class="sku" href={`/stores/${storeId()}/products/${line.productId}`}>
                            {line.sku}
                          </A>
                          <Show when={line.allocations.some((a) => a.productId !== line.productId)}>
                            <span class="cell-sub">
                              Kit: {line.allocations.map((a) => `${a.perUnit} × ${a.sku}`).join(', ')}
                            </span>
                          </Show>
                        </td>
                        <td class="num">{line.quantity}</td>
                        <td class="num">{line.shipped}</td>
                        <td class="num">{line.cancelled}</td>
                        <td class="num">{line.outstanding}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <LineQuantitiesDialog
              title={`Ship sales order ${o().number}`}
              submitLabel="Ship"
              open={shipping()}
              onOpenChange={setShipping}
              lines={o()
                .lines.filter((l) => l.outstanding > 0)
                .map((l) => ({ id: l.id, sku: l.sku, outstanding: l.outstanding }))}
              submit={ship}
            />
            <ConfirmDialog
              open={cancelling()}
              title={`Cancel sales order ${o().number}?`}
              description="What it still commits is released; what was shipped stays shipped. A cancelled order cannot be reopened."
              confirmLabel="Cancel order"
              busy={busy()}
              onConfirm={() => void cancel()}
              onCancel={() => setCancelling(false)}
            />
          </>
        )}
      </Show>
    </section>
  );
}
