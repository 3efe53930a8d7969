import { For, Show } from 'solid-js';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';

/** A button in an order's row of its list, shown while `when` holds for the order. */
export interface OrderRowAction<Order> {
  /** The button: “Receive all”. */
  label: string;
  /** What a failure says could not be done: “Could not receive purchase order PO-1”. */
  verb: string;
  /** What the toast says was done: “Purchase order PO-1 received”. */
  done: string;
  /** The toast's second line, if any. */
  detail?: string;
  when: (order: Order) => boolean;
  /** Asks the kind's route; resolves to false when there was nothing to do (no toast, the list stays). */
  request: (order: Order) => Promise<unknown>;
}

/** “Cancel”, which every kind of order's row has while the order can still be cancelled. */
export function cancelRowAction<Order>(
  when: (order: Order) => boolean,
  request: (order: Order) => Promise<unknown>,
): OrderRowAction<Order> {
  return { label: 'Cancel', verb: 'cancel', done: 'cancelled', when, request };
}

/** The row buttons of one order: each says in a toast that it went through, or why not; the list then reloads. */
export function OrderRowActions<Order extends { number: string }>(props: {
  /** How toasts name the kind of order: “Sales order”. */
  kind: string;
  order: Order;
  actions: readonly OrderRowAction<Order>[];
  reload: () => void;
}) {
  const run = (action: OrderRowAction<Order>) =>
    withFailureToast(
      `Could not ${action.verb} ${props.kind.toLowerCase()} ${props.order.number}`,
      async () => {
        if ((await action.request(props.order)) === false) return;
        notify('success', `${props.kind} ${props.order.number} ${action.done}`, action.detail);
        props.reload();
      },
    );
  return (
    <td class="row-actions">
      <For each={props.actions}>
        {(action) => (
          <Show when={action.when(props.order)}>
            <button type="button" class="button button-small" onClick={() => void run(action)}>
              {action.label}
            </button>
          </Show>
        )}
      </For>
    </td>
  );
}
