import { type Accessor, createEffect, createSignal, on } from 'solid-js';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read one keyset page at a time with “Load more”: reloads from the start when `key` changes
 * (another filter) or on `reload()` (after a change).
 */
export function createKeysetList<T, K>(
  key: Accessor<K>,
  fetchPage: (key: K, cursor: string | undefined) => Promise<KeysetPage<T>>,
) {
  const [items, setItems] = createSignal<T[]>([]);
  const [nextCursor, setNextCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let generation = 0;

  async function load(cursor: string | undefined) {
    const mine = ++generation;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(key(), cursor);
      if (mine !== generation) return; // a newer load (another filter) won
      setItems((current) => (cursor ? [...current, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (mine === generation) setError(e);
    } finally {
      if (mine === generation) setLoading(false);
    }
  }

  createEffect(on(key, () => void load(undefined)));

  return {
    items,
    loading,
    error,
    hasMore: () => nextCursor() !== null,
    loadMore: () => {
      const cursor = nextCursor();
      if (cursor) void load(cursor);
    },
    reload: () => void load(undefined),
  };
}
