import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { formatTime, humanize } from '../../lib/format.ts';
import { EMPTY_LINE, type LineDraft, linesToSend } from '../../lib/lines.ts';
import { useStore } from '../../store/store-context.tsx';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { LinesEditor } from '../../ui/lines-editor.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadMoreButton } from '../../ui/load-more-button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusTabs } from '../../ui/status-tabs.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { createOrderList, type OrderListQuery } from './order-list.ts';
import { useOrderSource } from './order-source.ts';

type Status = components['schemas']['SalesOrderStatus'];
type Order = components['schemas']['SalesOrderSummary'];

/** Sales orders: creating one commits stock; shipping takes it out of on hand; cancelling releases it. */
export function SalesOrdersPage() {
  const api = useApi();
  const { storeId } = useStore();
  const { status, setStatus, list } = createOrderList((storeId, query: OrderListQuery<Status>) =>
    unwrap(api.GET('/stores/{storeId}/sales-orders', { params: { path: { storeId }, query } })),
  );
  const source = useOrderSource();
  const [creating, setCreating] = createSignal(false);
  const [number, setNumber] = createSignal('');
  const [lines, setLines] = createSignal<LineDraft[]>([{ ...EMPTY_LINE }]);

  const form = createFormSubmit(async () => {
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
    setCreating(false);
  });

  const act = (order: Order, action: 'ship' | 'cancel') =>
    withFailureToast(`Could not ${action} sales order ${order.number}`, async () => {
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
    });

  return (
    <section class="page">
      <PageHeader
        title="Sales Orders"
        actions={
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create sales order
          </button>
        }
      />
      <StatusTabs
        label="Order status"
        value={status()}
        onChange={setStatus}
        tabs={[
          { value: '', label: 'All' },
          { value: 'open', label: 'Open' },
          { value: 'partially_shipped', label: 'Partially shipped' },
          { value: 'shipped', label: 'Shipped' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
      />
      <ListTable
        list={list}
        label="Sales orders"
        columns={['Number', 'Status', 'Source', 'Created', ACTIONS_COLUMN]}
        empty="No sales orders here yet."
      >
        <tbody>
          <For each={list.items()}>
            {(order) => (
              <tr>
                <td>
                  <A href={`/stores/${storeId()}/sales-orders/${order.id}`}>{order.number}</A>
                </td>
                <td>{humanize(order.status)}</td>
                <td>{source(order.channelId)}</td>
                <td>{formatTime(order.createdAt)}</td>
                <td class="row-actions">
                  <Show when={order.status === 'open' || order.status === 'partially_shipped'}>
                    <button type="button" class="button button-small" onClick={() => void act(order, 'ship')}>
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
      </ListTable>
      <LoadMoreButton list={list} />
      <FormDialog
        title="Create sales order"
        submitLabel="Create sales order"
        open={creating()}
        onOpenChange={setCreating}
        form={form}
      >
        <TextField
          label="Order number"
          required
          value={number()}
          onInput={(e) => setNumber(e.currentTarget.value)}
          error={form.fieldErrors().get('body.number')}
        />
        <LinesEditor lines={lines()} onChange={setLines} errors={form.fieldErrors()} />
      </FormDialog>
    </section>
  );
}
