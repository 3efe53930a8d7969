import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { createKeysetList } from '../../lib/keyset-list.ts';
import { EMPTY_LINE, type LineDraft, linesToSend } from '../../lib/lines.ts';
import { useStore } from '../../store/store-context.tsx';
import { LinesEditor } from '../../ui/lines-editor.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { OrderFormDialog } from './order-form-dialog.tsx';

type Status = components['schemas']['PurchaseOrderStatus'];
type Order = components['schemas']['PurchaseOrderSummary'];

/** Purchase orders: open ones count as incoming; receiving puts the goods on hand. */
export function PurchaseOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const [status, setStatus] = createSignal<Status | ''>('');
  const list = createKeysetList(
    () => ({ storeId: storeId(), status: status() }),
    (key, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/purchase-orders', {
          params: {
            path: { storeId: key.storeId },
            query: { limit: 50, ...(key.status && { status: key.status }), ...(cursor && { cursor }) },
          },
        }),
      ),
  );
  const [creating, setCreating] = createSignal(false);
  const [number, setNumber] = createSignal('');
  const [supplier, setSupplier] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);
  const [errors, setErrors] = createSignal(new Map<string, string>());

  const create = async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/purchase-orders', {
        params: { path: { storeId: storeId() } },
        body: {
          number: number(),
          ...(supplier().trim() && { supplier: supplier().trim() }),
          lines: linesToSend(lines()),
        },
      }),
    );
    notify('success', `Purchase order ${order.number} created`, 'Its quantities count as incoming.');
    setNumber('');
    setSupplier('');
    setLines([{ ...EMPTY_LINE }]);
    list.reload();
  };

  /** Receives everything still outstanding (partial receipts go through the API or a CSV upload). */
  const receiveAll = async (order: Order) => {
    try {
      const path = { storeId: storeId(), orderId: order.id };
      const detail = await unwrap(
        api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path } }),
      );
      const outstanding = detail.lines
        .filter((l) => l.outstanding > 0)
        .map((l) => ({ lineId: l.id, quantity: l.outstanding }));
      if (outstanding.length === 0) return;
      await unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/receive', {
          params: { path },
          body: { lines: outstanding },
        }),
      );
      notify('success', `Purchase order ${order.number} received`, 'The goods are on hand.');
      list.reload();
    } catch (error) {
      notify('error', `Could not receive purchase order ${order.number}`, errorMessage(error));
    }
  };
  const cancel = async (order: Order) => {
    try {
      await unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', {
          params: { path: { storeId: storeId(), orderId: order.id } },
        }),
      );
      notify('success', `Purchase order ${order.number} cancelled`);
      list.reload();
    } catch (error) {
      notify('error', `Could not cancel purchase order ${order.number}`, errorMessage(error));
    }
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Purchase Orders</h1>
        <div class="page-actions">
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create purchase order
          </button>
        </div>
      </header>
      <StatusTabs
        label="Order status"
        value={status()}
        onChange={(v) => setStatus(v as Status | '')}
        tabs={[
          { value: '', label: 'All' },
          { value: 'open', label: 'Open' },
          { value: 'partially_received', label: 'Partially received' },
          { value: 'received', label: 'Received' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
      />
      <Show when={list.error()}>
        <p class="form-error" role="alert">
          {errorMessage(list.error())}
        </p>
      </Show>
      <div class="table-scroll">
        <table class="table" aria-label="Purchase orders" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Supplier</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={list.items()}>
              {(order) => (
                <tr>
                  <td>
                    <A href={`/stores/${storeId()}/purchase-orders/${order.id}`}>{order.number}</A>
                  </td>
                  <td>{order.supplier ?? '—'}</td>
                  <td>{humanize(order.status)}</td>
                  <td>{formatTime(order.createdAt)}</td>
                  <td class="row-actions">
                    <Show when={order.status === 'open' || order.status === 'partially_received'}>
                      <button
                        type="button"
                        class="button button-small"
                        onClick={() => void receiveAll(order)}
                      >
                        Receive all
                      </button>
                    </Show>
                    <Show when={order.status === 'open'}>
                      <button type="button" class="button button-small" onClick={() => void cancel(order)}>
                        Cancel
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={!list.loading() && list.items().length === 0}>
        <p class="empty">No purchase orders here yet.</p>
      </Show>
      <Show when={list.hasMore()}>
        <button type="button" class="button" onClick={list.loadMore}>
          Load more
        </button>
      </Show>
      <OrderFormDialog
        title="Create purchase order"
        submitLabel="Create purchase order"
        open={creating()}
        onOpenChange={setCreating}
        submit={create}
        errors={errors()}
        onErrors={setErrors}
      >
        <TextField
          label="Order number"
          required
          value={number()}
          onInput={(e) => setNumber(e.currentTarget.value)}
          error={errors().get('body.number')}
        />
        <TextField
          label="Supplier"
          value={supplier()}
          onInput={(e) => setSupplier(e.currentTarget.value)}
          error={errors().get('body.supplier')}
        />
        <LinesEditor lines={lines()} onChange={setLines} errors={errors()} />
      </OrderFormDialog>
    </section>
  );
}
