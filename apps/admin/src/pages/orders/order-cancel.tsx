import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';

/**
 * Cancelling an order from its page, once the merchant confirmed: the page then shows the order as the server
 * returns it (`onCancelled`), and a toast says so with what it released, or why it could not be cancelled.
 */
export function createOrderCancel<Order extends { number: string }>(options: {
  /** How the page names the kind of order: “Sales order”. */
  kind: string;
  /** The button that asks, and the one that confirms: “Cancel order”. */
  label: string;
  /** What the confirmation says cancelling does. */
  description: string;
  request: () => Promise<Order>;
  onCancelled: (order: Order) => void;
  released: string;
}) {
  const confirmation = createConfirmation<Order>();
  const cancel = (current: Order) =>
    withFailureToast(`Could not cancel ${options.kind.toLowerCase()} ${current.number}`, async () => {
      options.onCancelled(await options.request());
      notify('success', `${options.kind} ${current.number} cancelled`, options.released);
    });
  return {
    ...confirmation,
    kind: options.kind,
    label: options.label,
    description: options.description,
    confirm: () => confirmation.confirm(cancel),
  };
}

/** What the button and the dialog need of an order's cancel, whatever the kind of order. */
export type OrderCancel<Order extends { number: string } = { number: string }> = Pick<
  ReturnType<typeof createOrderCancel<Order>>,
  'kind' | 'label' | 'description' | 'isOpen' | 'busy' | 'ask' | 'confirm' | 'dismiss'
>;

/** “Cancel order”: asks first (OrderCancelDialog). */
export function OrderCancelButton<Order extends { number: string }>(props: {
  cancel: OrderCancel<Order>;
  order: Order;
}) {
  return (
    <button type="button" class="button button-danger" onClick={() => props.cancel.ask(props.order)}>
      {props.cancel.label}
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
      description={props.cancel.description}
      confirmLabel={props.cancel.label}
      busy={props.cancel.busy()}
      onConfirm={() => void props.cancel.confirm()}
      onCancel={props.cancel.dismiss}
    />
  );
}
