import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { SkuLink } from '../../ui/sku-link.tsx';
import { notify } from '../../ui/toaster.tsx';
import { LineQuantitiesDialog } from './line-quantities-dialog.tsx';
import { createOrderCancel, OrderCancelDialog } from './order-cancel.tsx';
import { OrderFacts } from './order-facts.tsx';
import { OrderPageLayout } from './order-page-layout.tsx';

/** One purchase order: each line ordered, received and still incoming; receive (all or part) or cancel. */
export function PurchaseOrderPage() {
  const api = useApi();
  const params = useParams();
  const { storeId } = useStore();
  const path = () => ({ storeId: storeId(), orderId: Number(params.orderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path: p } })),
  );
  const [receiving, setReceiving] = createSignal(false);
  const cancelling = createOrderCancel({
    kind: 'Purchase order',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'It no longer counts as incoming.',
  });
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

  return (
    <OrderPageLayout
      back={{ href: `/stores/${storeId()}/purchase-orders`, label: 'Purchase Orders' }}
      order={order}
      kind="Purchase order"
      actions={(o) => (
        <>
          <Show when={status() === 'open' || status() === 'partially_received'}>
            <button type="button" class="button button-primary" onClick={() => setReceiving(true)}>
              Receive…
            </button>
          </Show>
          <Show when={status() === 'open'}>
            <button type="button" class="button button-danger" onClick={() => cancelling.ask(o())}>
              Cancel order
            </button>
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
          <DataTable
            label="Order lines"
            columns={[
              'SKU',
              { label: 'Ordered', numeric: true },
              { label: 'Received', numeric: true },
              { label: 'Open', numeric: true },
            ]}
          >
            <tbody>
              <For each={o().lines}>
                {(line) => (
                  <tr data-sku={line.sku}>
                    <td>
                      <SkuLink storeId={storeId()} productId={line.productId} sku={line.sku} />
                    </td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">{line.received}</td>
                    <td class="num">{line.outstanding}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </DataTable>
          <LineQuantitiesDialog
            title={`Receive purchase order ${o().number}`}
            submitLabel="Receive"
            open={receiving()}
            onOpenChange={setReceiving}
            lines={o().lines}
            submit={receive}
          />
          <OrderCancelDialog
            cancel={cancelling}
            number={o().number}
            description="Its quantities no longer count as incoming. A cancelled order cannot be reopened."
            confirmLabel="Cancel order"
          />
        </>
      )}
    </OrderPageLayout>
  );
}
