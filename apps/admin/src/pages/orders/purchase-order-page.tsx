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

/** One purchase order: each line ordered, received and still incoming; receive (all or part) or cancel. */
export function PurchaseOrderPage() {
  const api = useApi();
  const params = useParams();
  const { storeId, locationName } = useStore();
  const path = () => ({ storeId: storeId(), orderId: Number(params.orderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path: p } })),
  );
  const [receiving, setReceiving] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const status = () => latest(order)?.status;

  const receive = async (lines: { lineId: number; quantity: number }[]) => {
    const updated = await unwrap(
      api.POST('/stores/{storeId}/purchase-orders/{orderId}/receive', {
        params: { path: path() },
        body: { lines },
      }),
    );
    mutate(updated);
    notify(
      'success',
      `Purchase order ${updated.number} ${updated.status === 'received' ? 'received' : 'partly received'}`,
      'The goods are on hand.',
    );
  };
  const cancel = async () => {
    const current = latest(order);
    if (!current) return;
    setBusy(true);
    try {
      mutate(
        await unwrap(
          api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', { params: { path: path() } }),
        ),
      );
      notify('success', `Purchase order ${current.number} cancelled`, 'It no longer counts as incoming.');
      setCancelling(false);
    } catch (error) {
      notify('error', `Could not cancel purchase order ${current.number}`, errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page">
      <p>
        <A href={`/stores/${storeId()}/purchase-orders`}>← Purchase Orders</A>
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
                Purchase order {o().number} <OrderStatusBadge status={o().status} />
              </h1>
              <div class="page-actions">
                <Show when={status() === 'open' || status() === 'partially_received'}>
                  <button type="button" class="button button-primary" onClick={() => setReceiving(true)}>
                    Receive…
                  </button>
                </Show>
                <Show when={status() === 'open'}>
                  <button type="button" class="button button-danger" onClick={() => setCancelling(true)}>
                    Cancel order
                  </button>
                </Show>
              </div>
            </header>
            <dl class="facts card">
              <dt>Supplier</dt>
              <dd>{o().supplier ?? '—'}</dd>
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
                      Received
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
                        </td>
                        <td class="num">{line.quantity}</td>
                        <td class="num">{line.received}</td>
                        <td class="num">{line.outstanding}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <LineQuantitiesDialog
              title={`Receive purchase order ${o().number}`}
              submitLabel="Receive"
              open={receiving()}
              onOpenChange={setReceiving}
              lines={o()
                .lines.filter((l) => l.outstanding > 0)
                .map((l) => ({ id: l.id, sku: l.sku, outstanding: l.outstanding }))}
              submit={receive}
            />
            <ConfirmDialog
              open={cancelling()}
              title={`Cancel purchase order ${o().number}?`}
              description="Its quantities no longer count as incoming. A cancelled order cannot be reopened."
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
