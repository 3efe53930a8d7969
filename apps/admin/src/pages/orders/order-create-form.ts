import { createFormSubmit } from '../../lib/form-submit.ts';
import { notify } from '../../ui/toaster.tsx';

/**
 * The submit of an order list's create dialog: `request` asks the kind's route; once it made the order a toast
 * names it with what creating it did (`created`), and `onCreated` empties the fields and reloads the list.
 */
export function createOrderCreateForm<Order extends { number: string }>(options: {
  /** How the toast names the kind of order: “Sales order”. */
  kind: string;
  request: () => Promise<Order>;
  created: string;
  onCreated: () => void;
}) {
  return createFormSubmit(async () => {
    const order = await options.request();
    notify('success', `${options.kind} ${order.number} created`, options.created);
    options.onCreated();
  });
}
