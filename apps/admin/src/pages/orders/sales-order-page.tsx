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
import { useOrderSource } from './order-source.ts';

/** One sales order: each line ordered, shipped, cancelled and still committed; ship (all or part) or cancel. */
export function SalesOrderPage() {
  const api = useApi();
  const params = useParams();
  const { storeId } = useStore();
  const source = useOrderSource();
  const path = () => ({ storeId: storeId(), orderId: Number(params.orderId) });
  const [order, { mutate }] = createResource(path, (p) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders/{orderId}', { params: { path: p } })),
  );
  const [shipping, setShipping] = createSignal(false);
  const cancelling = createOrderCancel({
    kind: 'Sales order',
    request: () =>
      unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path: path() } })),
    onCancelled: mutate,
    released: 'What it still committed is released.',
  });
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

  return (
    <OrderPageLayout
      back={{ href: `/stores/${storeId()}/sales-orders`, label: 'Sales Orders' }}
      order={order}
      kind="Sales order"
      actions={(o) => (
        <Show when={isOpen()}>
          <button type="button" class="button button-primary" onClick={() => setShipping(true)}>
            Ship…
          </button>
          <button type="button" class="button button-danger" onClick={() => cancelling.ask(o())}>
            Cancel order
          </button>
        </Show>
      )}
    >
      {(o) => (
        <>
          <OrderFacts order={o()}>
            <dt>Source</dt>
            <dd>{source(o().channelId)}</dd>
          </OrderFacts>
          <DataTable
            label="Order lines"
            columns={[
              'SKU',
              { label: 'Ordered', numeric: true },
              { label: 'Shipped', numeric: true },
              { label: 'Cancelled', numeric: true },
              { label: 'Open', numeric: true },
            ]}
          >
            <tbody>
              <For each={o().lines}>
                {(line) => (
                  <tr data-sku={line.sku}>
                    <td>
                      <SkuLink storeId={storeId()} productId={line.productId} sku={line.sku} />
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
          </DataTable>
          <LineQuantitiesDialog
            title={`Ship sales order ${o().number}`}
            submitLabel="Ship"
            open={shipping()}
            onOpenChange={setShipping}
            lines={o().lines}
            submit={ship}
          />
          <OrderCancelDialog
            cancel={cancelling}
            number={o().number}
            description="What it still commits is released; what was shipped stays shipped. A cancelled order cannot be reopened."
            confirmLabel="Cancel order"
          />
        </>
      )}
    </OrderPageLayout>
  );
}
