import { type Accessor, type JSX, Show } from 'solid-js';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { BackLink } from '../../ui/back-link.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { type OrderStatus, OrderStatusBadge } from '../../ui/status-badge.tsx';
import {
  createOrderCancel,
  OrderCancelButton,
  type OrderCancelCopy,
  OrderCancelDialog,
} from './order-cancel.tsx';
import type { OrderPath } from './order-kinds.ts';
import type { OrderResource } from './order-resource.ts';

/**
 * The frame of an order's page: the way back to its kind's list and why it could not be loaded; once it is, its
 * kind, number and status as the heading, its actions beside it and last its cancel button (while `cancel.when`
 * holds), below the page's own content, and the confirmation the cancel button asks for.
 */
export function OrderPageLayout<
  Param extends string,
  Order extends { number: string; status: OrderStatus },
>(props: {
  resource: OrderResource<Param, Order>;
  actions: (order: Accessor<Order>) => JSX.Element;
  cancel: {
    when: (order: Order) => boolean;
    copy: OrderCancelCopy;
    request: (path: OrderPath<Param>) => Promise<Order>;
  };
  children: (order: Accessor<Order>) => JSX.Element;
}) {
  const { storeId } = useStore();
  const cancelling = createOrderCancel(props.resource, props.cancel.copy, props.cancel.request);
  const kind = () => props.resource.kind;
  return (
    <section class="page">
      <BackLink href={`/stores/${storeId()}/${kind().route}`} label={kind().title} />
      <ErrorAlert error={props.resource.order.error} />
      <Show when={latest(props.resource.order)}>
        {(order) => (
          <>
            <PageHeader
              title={
                <>
                  {kind().name} {order().number} <OrderStatusBadge status={order().status} />
                </>
              }
              actions={
                <>
                  {props.actions(order)}
                  <Show when={props.cancel.when(order())}>
                    <OrderCancelButton cancel={cancelling} order={order()} />
                  </Show>
                </>
              }
            />
            {props.children(order)}
            <OrderCancelDialog cancel={cancelling} number={order().number} />
          </>
        )}
      </Show>
    </section>
  );
}
