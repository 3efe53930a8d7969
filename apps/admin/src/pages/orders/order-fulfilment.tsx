import { createSignal } from 'solid-js';
import { notify } from '../../ui/toaster.tsx';
import { LineQuantitiesDialog, type OrderLine } from './line-quantities-dialog.tsx';

/** The quantity of each line a shipment or receipt takes, as the routes are sent them. */
export type LineQuantities = { lineId: number; quantity: number }[];

/**
 * Shipping or receiving all or part of an order from its page: a dialog asks each open line's quantity; once
 * the route took them the page shows the order it returns (`onDone`), and a toast says whether the order is
 * now whole (“shipped”) or partly so, and what that did (`detail`).
 */
export function createOrderFulfilment<Order extends { number: string; status: string }>(options: {
  /** How the page names the kind of order: “Sales order”. */
  kind: string;
  /** The button and the dialog's action: “Ship”. */
  verb: string;
  /** The status of an order that is done, and what the toast says was done: “shipped”. */
  done: string;
  detail: string;
  request: (lines: LineQuantities) => Promise<Order>;
  onDone: (order: Order) => void;
}) {
  const [isOpen, setOpen] = createSignal(false);
  const submit = async (lines: LineQuantities) => {
    const updated = await options.request(lines);
    options.onDone(updated);
    const done = updated.status === options.done ? options.done : `partly ${options.done}`;
    notify('success', `${options.kind} ${updated.number} ${done}`, options.detail);
  };
  return { kind: options.kind, verb: options.verb, isOpen, setOpen, submit };
}

type OrderFulfilment = ReturnType<typeof createOrderFulfilment>;

/** “Ship…”: opens the fulfilment's dialog. */
export function OrderFulfilmentButton(props: { fulfilment: OrderFulfilment }) {
  return (
    <button type="button" class="button button-primary" onClick={() => props.fulfilment.setOpen(true)}>
      {`${props.fulfilment.verb}…`}
    </button>
  );
}

/** “Ship sales order SO-1”: the quantity of each of its open lines. */
export function OrderFulfilmentDialog(props: {
  fulfilment: OrderFulfilment;
  order: { number: string; lines: OrderLine[] };
}) {
  return (
    <LineQuantitiesDialog
      title={`${props.fulfilment.verb} ${props.fulfilment.kind.toLowerCase()} ${props.order.number}`}
      submitLabel={props.fulfilment.verb}
      open={props.fulfilment.isOpen()}
      onOpenChange={props.fulfilment.setOpen}
      lines={props.order.lines}
      submit={props.fulfilment.submit}
    />
  );
}
