import { useParams } from '@solidjs/router';
import { createResource } from 'solid-js';
import { useStore } from '../../store/store-context.tsx';

/**
 * The order an order's page shows: the store's order whose id is the route's `param`, read again when either
 * changes. `path` names it to the kind's other routes; `mutate` shows the order an action returned.
 */
export function createOrderResource<Param extends string, Order>(
  param: Param,
  fetch: (path: OrderPath<Param>) => Promise<Order>,
) {
  const params = useParams();
  const { storeId } = useStore();
  const path = () => ({ storeId: storeId(), [param]: Number(params[param]) }) as OrderPath<Param>;
  const [order, { mutate }] = createResource(path, fetch);
  return { order, mutate, path };
}

/** How the kind's routes name one order: `{ storeId, orderId }`. */
export type OrderPath<Param extends string> = { storeId: number } & Record<Param, number>;
