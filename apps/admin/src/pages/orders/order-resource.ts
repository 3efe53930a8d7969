import { useParams } from '@solidjs/router';
import { createResource } from 'solid-js';
import { useStore } from '../../store/store-context.tsx';
import { type OrderKind, type OrderPath, orderPath } from './order-kinds.ts';

/**
 * The order an order's page shows: the store's order of `kind` whose id is in the page's route, read again
 * when either changes. `path` names it to the kind's other routes; `mutate` shows the order an action returned.
 */
export function createOrderResource<Param extends string, Order>(
  kind: OrderKind<Param>,
  fetch: (path: OrderPath<Param>) => Promise<Order>,
) {
  const params = useParams();
  const { storeId } = useStore();
  const path = () => orderPath(kind, storeId(), Number(params[kind.param]));
  const [order, { mutate }] = createResource(path, fetch);
  return { kind, order, mutate, path };
}

export type OrderResource<Param extends string, Order> = ReturnType<typeof createOrderResource<Param, Order>>;
