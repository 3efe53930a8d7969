import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { createKeysetList } from '../../lib/keyset-list.ts';
import { useStore } from '../../store/store-context.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { OrderFormDialog } from './order-form-dialog.tsx';

type Status = components['schemas']['WorkOrderStatus'];
type Order = components['schemas']['WorkOrderSummary'];

/** Work orders: build assemblies; completing consumes the components and adds the finished product. */
export function WorkOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const [status, setStatus] = createSignal<Status | ''>('');
  const list = createKeysetList(
    () => ({ storeId: storeId(), status: status() }),
    (key, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/work-orders', {
          params: {
            path: { storeId: key.storeId },
            query: { limit: 50, ...(key.status && { status: key.status }), ...(cursor && { cursor }) },
          },
        }),
      ),
  );
  const [creating, setCreating] = createSignal(false);
  const [number, setNumber] = createSignal('');
  const [sku, setSku] = createSignal('');
  const [quantity, setQuantity] = createSignal('1');
  const [errors, setErrors] = createSignal(new Map<string, string>());

  const create = async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/work-orders', {
        params: { path: { storeId: storeId() } },
        body: { number: number(), sku: sku().trim(), quantity: Number(quantity()) },
      }),
    );
    notify('success', `Work order ${order.number} created`, 'Its components are committed.');
    setNumber('');
    setSku('');
    setQuantity('1');
    list.reload();
  };
  const act = async (order: Order, action: 'complete' | 'cancel') => {
    try {
      const path = { storeId: storeId(), workOrderId: order.id };
      if (action === 'complete') {
        await unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/complete', { params: { path } }));
      } else {
        await unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path } }));
      }
      notify('success', `Work order ${order.number} ${action === 'complete' ? 'completed' : 'cancelled'}`);
      list.reload();
    } catch (error) {
      notify('error', `Could not ${action} work order ${order.number}`, errorMessage(error));
    }
  };

  return (
    <section class="page">
      <header class="page-header">
        <h1>Work Orders</h1>
        <div class="page-actions">
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create work order
          </button>
        </div>
      </header>
      <StatusTabs
        label="Work order status"
        value={status()}
        onChange={(v) => setStatus(v as Status | '')}
        tabs={[
          { value: '', label: 'All' },
          { value: 'in_progress', label: 'In progress' },
          { value: 'completed', label: 'Completed' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
      />
      <Show when={list.error()}>
        <p class="form-error" role="alert">
          {errorMessage(list.error())}
        </p>
      </Show>
      <div class="table-scroll">
        <table class="table" aria-label="Work orders" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Assembly</th>
              <th scope="col" class="num">
                Quantity
              </th>
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
                    <A href={`/stores/${storeId()}/work-orders/${order.id}`}>{order.number}</A>
                  </td>
                  <td>{order.sku}</td>
                  <td class="num">{order.quantity}</td>
                  <td>{humanize(order.status)}</td>
                  <td>{formatTime(order.createdAt)}</td>
                  <td class="row-actions">
                    <Show when={order.status === 'in_progress'}>
                      <button
                        type="button"
                        class="button button-small"
                        onClick={() => void act(order, 'complete')}
                      >
                        Complete
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        onClick={() => void act(order, 'cancel')}
                      >
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
        <p class="empty">No work orders here yet.</p>
      </Show>
      <Show when={list.hasMore()}>
        <button type="button" class="button" onClick={list.loadMore}>
          Load more
        </button>
      </Show>
      <OrderFormDialog
        title="Create work order"
        submitLabel="Create work order"
        open={creating()}
        onOpenChange={setCreating}
        submit={create}
        errors={errors()}
        onErrors={setErrors}
      >
        <TextField
          label="Work order number"
          required
          value={number()}
          onInput={(e) => setNumber(e.currentTarget.value)}
          error={errors().get('body.number')}
        />
        <TextField
          label="Assembly SKU"
          required
          value={sku()}
          onInput={(e) => setSku(e.currentTarget.value)}
          error={errors().get('body.sku')}
        />
        <TextField
          label="Quantity to build"
          type="number"
          min="1"
          required
          value={quantity()}
          onInput={(e) => setQuantity(e.currentTarget.value)}
          error={errors().get('body.quantity')}
        />
      </OrderFormDialog>
    </section>
  );
}
