import { type Accessor, createEffect, createResource, createSignal, on } from 'solid-js';
import type { KeysetPage } from './keyset-list.ts';
import { FIRST_PAGE, type KeysetPages, nextPage, pageRange, previousPage } from './keyset-pages.ts';
import { latest } from './latest.ts';

/**
 * A list shown one keyset page at a time with Previous / Next (a table that stays the same height, unlike
 * “Load more”): back to the first page when `key` changes (another filter), the same page on `reload()`.
 * `onPage` runs when the merchant moves to another page.
 */
export function createPagedList<T, K>(
  key: Accessor<K>,
  pageSize: number,
  fetchPage: (key: K, cursor: string | undefined) => Promise<KeysetPage<T>>,
  options: { onPage?: () => void } = {},
) {
  const [pages, setPages] = createSignal<KeysetPages>(FIRST_PAGE);
  createEffect(on(key, () => setPages(FIRST_PAGE), { defer: true }));
  const [page, { refetch, mutate }] = createResource(
    () => ({ key: key(), cursor: pages().current }),
    ({ key, cursor }) => fetchPage(key, cursor),
  );
  const items = () => latest(page)?.items ?? [];
  const goTo = (next: KeysetPages) => {
    setPages(next);
    options.onPage?.();
  };
  return {
    items,
    loading: () => page.loading,
    error: () => page.error as unknown,
    hasPrevious: () => pages().previous.length > 0,
    hasNext: () => Boolean(latest(page)?.nextCursor),
    range: () => pageRange(pages(), pageSize, items().length),
    // Clicks while a page loads are ignored rather than disabling the button, which would drop its focus.
    previous: () => {
      if (!page.loading && pages().previous.length > 0) goTo(previousPage(pages()));
    },
    next: () => {
      const cursor = page.loading ? undefined : latest(page)?.nextCursor;
      if (cursor) goTo(nextPage(pages(), cursor));
    },
    reload: () => void refetch(),
    /** Changes rows in place (what the merchant just changed), without reading the page again. */
    updateItems: (update: (items: T[]) => T[]) =>
      void mutate((current) => (current ? { ...current, items: update(current.items) } : current)),
  };
}

export type PagedList<T> = ReturnType<typeof createPagedList<T, unknown>>;
