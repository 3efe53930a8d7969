import { For, Show } from 'solid-js';
import { useStore } from '../../store/store-context.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { notify } from '../../ui/toaster.tsx';
import { type OrderKind, type OrderPath, orderPath } from './order-kinds.ts';

/** A button in an order's row of its list, shown while `when` holds for the order. */
export interface OrderRowAction<Param extends string, Order> {
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
  request: (path: OrderPath<Param>, order: Order) => Promise<unknown>;
}

/** How the “Cancel” every kind of order's row has says what it does. */
export const CANCEL_ROW_ACTION = { label: 'Cancel', verb: 'cancel', done: 'cancelled' };

/** The row buttons of one order: each says in a toast that it went through, or why not; the list then reloads. */
export function OrderRowActions<Param extends string, Order extends { id: number; number: string }>(props: {
  kind: OrderKind<Param>;
  order: Order;
  actions: readonly OrderRowAction<Param, Order>[];
  reload: () => void;
}) {
  const { storeId } = useStore();
  const run = (action: OrderRowAction<Param, Order>) => {
    const { name } = props.kind;
    return withFailureToast(
      `Could not ${action.verb} ${name.toLowerCase()} ${props.order.number}`,
      async () => {
        const path = orderPath(props.kind, storeId(), props.order.id);
        if ((await action.request(path, props.order)) === false) return;
        notify('success', `${name} ${props.order.number} ${action.done}`, action.detail);
        props.reload();
      },
    );
  };
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
