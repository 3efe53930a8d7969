import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { createKeysetList } from '../../lib/keyset-list.ts';
import { latest } from '../../lib/latest.ts';
import { EMPTY_LINE, type LineDraft, linesToSend } from '../../lib/lines.ts';
import { useStore } from '../../store/store-context.tsx';
import { LinesEditor } from '../../ui/lines-editor.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { OrderFormDialog } from './order-form-dialog.tsx';

type Status = components['schemas']['SalesOrderStatus'];
type Order = components['schemas']['SalesOrderSummary'];

/** Sales orders: creating one commits stock; shipping takes it out of on hand; cancelling releases it. */
export function SalesOrdersPage() {
  const api = useApi();
  const { storeId, channels } = useStore();
  const [status, setStatus] = createSignal<Status | ''>('');
  const list = createKeysetList(
    () => ({ storeId: storeId(), status: status() }),
    (key, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/sales-orders', {
          params: {
            path: { storeId: key.storeId },
            query: { limit: 50, ...(key.status && { status: key.status }), ...(cursor && { cursor }) },
          },
        }),
      ),
  );
  const [creating, setCreating] = createSignal(false);
  const [number, setNumber] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);
  const [errors, setErrors] = createSignal(new Map<string, string>());

  const create = async () => {
    const order = await unwrap(
      api.POST('/stores/{storeId}/sales-orders', {
        params: { path: { storeId: storeId() } },
        body: { number: number(), lines: linesToSend(lines()) },
      }),
    );
    notify('success', `Sales order ${order.number} created`, 'Its quantities are committed.');
    setNumber('');
    setLines([{ ...EMPTY_LINE }]);
    list.reload();
  };

  const act = async (order: Order, action: 'ship' | 'cancel') => {
    try {
      const path = { storeId: storeId(), orderId: order.id };
      if (action === 'ship') {
        await unwrap(
          api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', { params: { path }, body: {} }),
        );
      } else {
        await unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path } }));
      }
      notify('success', `Sales order ${order.number} ${action === 'ship' ? 'shipped' : 'cancelled'}`);
      list.reload();
    } catch (error) {
      notify('error', `Could not ${action} sales order ${order.number}`, errorMessage(error));
    }
  };
  const channelName = (id: number | null) =>
    id === null ? 'Manual' : (latest(channels)?.find((c) => c.id === id)?.name ?? `Channel #${id}`);

  return (
    <section class="page">
      <header class="page-header">
        <h1>Sales Orders</h1>
        <div class="page-actions">
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create sales order
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
          { value: 'partially_shipped', label: 'Partially shipped' },
          { value: 'shipped', label: 'Shipped' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
      />
      <Show when={list.error()}>
        <p class="form-error" role="alert">
          {errorMessage(list.error())}
        </p>
      </Show>
      <div class="table-scroll">
        <table class="table" aria-label="Sales orders" aria-busy={list.loading()}>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
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
                    <A href={`/stores/${storeId()}/sales-orders/${order.id}`}>{order.number}</A>
                  </td>
                  <td>{humanize(order.status)}</td>
                  <td>{channelName(order.channelId)}</td>
                  <td>{formatTime(order.createdAt)}</td>
                  <td class="row-actions">
                    <Show when={order.status === 'open' || order.status === 'partially_shipped'}>
                      <button
                        type="button"
                        class="button button-small"
                        onClick={() => void act(order, 'ship')}
                      >
                        Ship
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
        <p class="empty">No sales orders here yet.</p>
      </Show>
      <Show when={list.hasMore()}>
        <button type="button" class="button" onClick={list.loadMore}>
          Load more
        </button>
      </Show>
      <OrderFormDialog
        title="Create sales order"
        submitLabel="Create sales order"
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
        <LinesEditor lines={lines()} onChange={setLines} errors={errors()} />
      </OrderFormDialog>
    </section>
  );
}
