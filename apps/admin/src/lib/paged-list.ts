import { type Accessor, createEffect, createResource, createSignal, on } from 'solid-js';
import type { KeysetPage } from './keyset-list.ts';
import { FIRST_PAGE, type KeysetPages, nextPage, pageRange, previousPage } from './keyset-pages.ts';
import { latest } from './latest.ts';

/**
 * A list shown one keyset page at a time with Previous / Next (a table that stays the same height, unlike
 * “Load more”): back to the first page when `key` changes (another filter), the same page on `reload()`.
 */
export function createPagedList<T, K>(
  key: Accessor<K>,
  pageSize: number,
  fetchPage: (key: K, cursor: string | undefined) => Promise<KeysetPage<T>>,
) {
  const [pages, setPages] = createSignal<KeysetPages>(FIRST_PAGE);
  createEffect(on(key, () => setPages(FIRST_PAGE), { defer: true }));
  const [page, { refetch }] = createResource(
    () => ({ key: key(), cursor: pages().current }),
    ({ key, cursor }) => fetchPage(key, cursor),
  );
  const items = () => latest(page)?.items ?? [];
  return {
    items,
    loading: () => page.loading,
    error: () => page.error as unknown,
    hasPrevious: () => pages().previous.length > 0,
    hasNext: () => Boolean(latest(page)?.nextCursor),
    range: () => pageRange(pages(), pageSize, items().length),
    // Clicks while a page loads are ignored rather than disabling the button, which would drop its focus.
    previous: () => {
      if (!page.loading) setPages(previousPage(pages()));
    },
    next: () => {
      const cursor = page.loading ? undefined : latest(page)?.nextCursor;
      if (cursor) setPages(nextPage(pages(), cursor));
    },
    reload: () => void refetch(),
  };
}

export type PagedList<T> = ReturnType<typeof createPagedList<T, unknown>>;
