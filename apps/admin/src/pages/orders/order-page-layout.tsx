import { type Accessor, type JSX, type Resource, Show } from 'solid-js';
import { latest } from '../../lib/latest.ts';
import { BackLink } from '../../ui/back-link.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { type OrderStatus, OrderStatusBadge } from '../../ui/status-badge.tsx';
import { type OrderCancel, OrderCancelDialog } from './order-cancel.tsx';

/**
 * The frame of an order's page: the way back to its list and why it could not be loaded; once it is, its kind,
 * number and status as the heading, its actions beside it, below the page's own content, and the confirmation
 * its cancel button asks for.
 */
export function OrderPageLayout<Order extends { number: string; status: OrderStatus }>(props: {
  back: { href: string; label: string };
  order: Resource<Order>;
  /** How the heading names the kind of order: “Sales order”. */
  kind: string;
  cancel: OrderCancel<Order>;
  actions: (order: Accessor<Order>) => JSX.Element;
  children: (order: Accessor<Order>) => JSX.Element;
}) {
  return (
    <section class="page">
      <BackLink href={props.back.href} label={props.back.label} />
      <ErrorAlert error={props.order.error} />
      <Show when={latest(props.order)}>
        {(order) => (
          <>
            <PageHeader
              title={
                <>
                  {props.kind} {order().number} <OrderStatusBadge status={order().status} />
                </>
              }
              actions={props.actions(order)}
            />
            {props.children(order)}
            <OrderCancelDialog cancel={props.cancel} number={order().number} />
          </>
        )}
      </Show>
    </section>
  );
}
