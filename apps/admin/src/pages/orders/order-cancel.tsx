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
  return { ...confirmation, kind: options.kind, confirm: () => confirmation.confirm(cancel) };
}

type OrderCancel = Pick<
  ReturnType<typeof createOrderCancel<{ number: string }>>,
  'kind' | 'isOpen' | 'busy' | 'confirm' | 'dismiss'
>;

/** “Cancel sales order SO-1?”: what cancelling it does, and the button that does it. */
export function OrderCancelDialog(props: {
  cancel: OrderCancel;
  number: string;
  description: string;
  confirmLabel: string;
}) {
  return (
    <ConfirmDialog
      open={props.cancel.isOpen()}
      title={`Cancel ${props.cancel.kind.toLowerCase()} ${props.number}?`}
      description={props.description}
      confirmLabel={props.confirmLabel}
      busy={props.cancel.busy()}
      onConfirm={() => void props.cancel.confirm()}
      onCancel={props.cancel.dismiss}
    />
  );
}
