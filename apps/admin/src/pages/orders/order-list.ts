import { createSignal } from 'solid-js';
import type { KeysetPage } from '../../lib/keyset-list.ts';
import { createKeysetList } from '../../lib/keyset-list.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { useStore } from '../../store/store-context.tsx';

const PAGE_SIZE = 50;

/** What an order list route is asked for: a page, of one status or ('' tab) of all. */
export interface OrderListQuery<Status extends string> {
  limit: number;
  cursor?: string;
  status?: Status;
}

/**
 * The store's orders of one kind, filtered by the status tab and read a page at a time (“Load more”);
 * `fetchPage` asks that kind's route.
 */
export function createOrderList<Status extends string, Order>(
  fetchPage: (storeId: number, query: OrderListQuery<Status>) => Promise<KeysetPage<Order>>,
) {
  const { storeId } = useStore();
  const [status, setStatus] = createSignal<Status | ''>('');
  const list = createKeysetList(
    () => ({ storeId: storeId(), status: status() }),
    (key, cursor) =>
      fetchPage(key.storeId, {
        ...keysetQuery(PAGE_SIZE, cursor),
        ...(key.status && { status: key.status }),
      }),
  );
  return { status, setStatus, list };
}
