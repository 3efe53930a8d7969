import { createSignal } from 'solid-js';
import { notify } from '../../ui/toaster.tsx';
import { LineQuantitiesDialog, type OrderLine } from './line-quantities-dialog.tsx';
import type { OrderPath } from './order-kinds.ts';
import type { OrderResource } from './order-resource.ts';

/** The quantity of each line a shipment or receipt takes, as the routes are sent them. */
export type LineQuantities = { lineId: number; quantity: number }[];

/** What shipping or receiving an order of one kind says. */
export interface OrderFulfilmentCopy {
  /** The button and the dialog's action: “Ship”. */
  verb: string;
  /** The status of an order that is done, and what the toast says was done: “shipped”. */
  done: string;
  /** The toast's second line: what it did to the stock. */
  detail: string;
}

/**
 * Shipping or receiving all or part of the order of an order's page: a dialog asks each open line's quantity;
 * once `request` took them the page shows the order the route returns, and a toast says whether the order is
 * now whole (“shipped”) or partly so.
 */
export function createOrderFulfilment<Param extends string, Order extends { number: string; status: string }>(
  resource: OrderResource<Param, Order>,
  copy: OrderFulfilmentCopy,
  request: (path: OrderPath<Param>, lines: LineQuantities) => Promise<Order>,
) {
  const [isOpen, setOpen] = createSignal(false);
  const submit = async (lines: LineQuantities) => {
    const updated = await request(resource.path(), lines);
    resource.mutate(() => updated);
    const done = updated.status === copy.done ? copy.done : `partly ${copy.done}`;
    notify('success', `${resource.kind.name} ${updated.number} ${done}`, copy.detail);
  };
  return { kind: resource.kind.name, verb: copy.verb, isOpen, setOpen, submit };
}

type OrderFulfilment = Pick<
  ReturnType<typeof createOrderFulfilment>,
  'kind' | 'verb' | 'isOpen' | 'setOpen' | 'submit'
>;

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
