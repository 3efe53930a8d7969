import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';
import type { OrderPath } from './order-kinds.ts';
import type { OrderResource } from './order-resource.ts';

/** What cancelling an order of one kind says. */
export interface OrderCancelCopy {
  /** The button that asks, and the one that confirms: “Cancel order”. */
  label: string;
  /** What the confirmation says cancelling does. */
  description: string;
  /** The toast's second line: what cancelling released. */
  released: string;
}

/**
 * Cancelling the order of an order's page, once the merchant confirmed: `request` asks the kind's route, the
 * page then shows the order it returns, and a toast says so with what it released, or why it could not be
 * cancelled.
 */
export function createOrderCancel<Param extends string, Order extends { number: string }>(
  resource: OrderResource<Param, Order>,
  copy: OrderCancelCopy,
  request: (path: OrderPath<Param>) => Promise<Order>,
) {
  const confirmation = createConfirmation<Order>();
  const kind = resource.kind.name;
  const cancel = (current: Order) =>
    withFailureToast(`Could not cancel ${kind.toLowerCase()} ${current.number}`, async () => {
      const cancelled = await request(resource.path());
      resource.mutate(() => cancelled);
      notify('success', `${kind} ${current.number} cancelled`, copy.released);
    });
  return { ...confirmation, kind, copy, confirm: () => confirmation.confirm(cancel) };
}

/** What the button and the dialog need of an order's cancel, whatever the kind of order. */
export type OrderCancel<Order extends { number: string }> = Pick<
  ReturnType<typeof createOrderCancel<string, Order>>,
  'kind' | 'copy' | 'isOpen' | 'busy' | 'ask' | 'confirm' | 'dismiss'
>;

/** “Cancel order”: asks first (OrderCancelDialog). */
export function OrderCancelButton<Order extends { number: string }>(props: {
  cancel: OrderCancel<Order>;
  order: Order;
}) {
  return (
    <button type="button" class="button button-danger" onClick={() => props.cancel.ask(props.order)}>
      {props.cancel.copy.label}
    </button>
  );
}

/** “Cancel sales order SO-1?”: what cancelling it does, and the button that does it. */
export function OrderCancelDialog<Order extends { number: string }>(props: {
  cancel: OrderCancel<Order>;
  number: string;
}) {
  return (
    <ConfirmDialog
      open={props.cancel.isOpen()}
      title={`Cancel ${props.cancel.kind.toLowerCase()} ${props.number}?`}
      description={props.cancel.copy.description}
      confirmLabel={props.cancel.copy.label}
      busy={props.cancel.busy()}
      onConfirm={() => void props.cancel.confirm()}
      onCancel={props.cancel.dismiss}
    />
  );
}
