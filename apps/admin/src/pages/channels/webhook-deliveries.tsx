import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime } from '../../lib/format.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Pager } from '../../ui/pager.tsx';

type WebhookDelivery = components['schemas']['WebhookDelivery'];
type DeliveryStatus = components['schemas']['WebhookDeliveryStatus'];

const PAGE_SIZE = 25;

const STATUS: Record<DeliveryStatus, { label: string; tone: string }> = {
  created: { label: 'Order created', tone: 'succeeded' },
  duplicate: { label: 'Already recorded', tone: 'skipped' },
  failed: { label: 'Failed: needs you', tone: 'failed' },
  ignored: { label: 'Ignored', tone: 'skipped' },
  invalid: { label: 'Invalid', tone: 'failed' },
};

/** What a delivery was about: an order (by the channel's id), or nothing Ballast records. */
function eventOf(delivery: WebhookDelivery): string {
  if (delivery.status === 'ignored') return 'Not an order';
  if (delivery.status === 'invalid') return 'Unreadable';
  return delivery.channelOrderId ? `Order ${delivery.channelOrderId}` : 'Order';
}

/** The order webhooks the channel sent, newest first: what each became, and why a failed one failed. */
export function WebhookDeliveries(props: { storeId: number; channelId: number }) {
  const api = useApi();
  const list = createPagedList(
    () => ({ storeId: props.storeId, channelId: props.channelId }),
    PAGE_SIZE,
    ({ storeId, channelId }, cursor) =>
      unwrap(
        api.GET('/stores/{storeId}/channels/{channelId}/webhook-deliveries', {
          params: { path: { storeId, channelId }, query: keysetQuery(PAGE_SIZE, cursor) },
        }),
      ),
  );
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <header class="card-header">
        <h2 id="deliveries-title">Order webhooks</h2>
        <button type="button" class="button" onClick={list.reload}>
          Refresh
        </button>
      </header>
      <ListTable
        list={list}
        label="Webhook deliveries"
        columns={['Received', 'Event', 'Status', 'Duplicate']}
        empty="No order webhook received yet."
      >
        <tbody>
          <For each={list.items()}>
            {(delivery) => (
              <tr data-delivery-id={delivery.id}>
                <td>{formatTime(delivery.receivedAt)}</td>
                <td>
                  {eventOf(delivery)}
                  <Show when={delivery.deliveryId}>
                    <span class="cell-sub">Delivery {delivery.deliveryId}</span>
                  </Show>
                </td>
                <td>
                  <span class={`badge badge-${STATUS[delivery.status].tone}`}>
                    {STATUS[delivery.status].label}
                  </span>
                  <Show when={delivery.salesOrderId}>
                    {(orderId) => (
                      <A class="cell-sub" href={`/stores/${props.storeId}/sales-orders/${orderId()}`}>
                        Sales order #{orderId()}
                      </A>
                    )}
                  </Show>
                  <Show when={delivery.error}>
                    <span class="cell-sub error-text">{delivery.error}</span>
                  </Show>
                </td>
                <td>{delivery.status === 'duplicate' ? 'Yes' : 'No'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </ListTable>
      <Pager label="Webhook delivery pages" list={list} />
    </section>
  );
}
