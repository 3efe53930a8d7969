/**
 * Page navigation over a keyset-paged list: the server only knows “the page after this cursor”, so the
 * cursors of the pages already seen are kept to go back. `undefined` is the first page.
 */
export interface KeysetPages {
  /** Cursors of the pages before the current one, oldest first. */
  readonly previous: readonly (string | undefined)[];
  /** The cursor the current page was fetched with. */
  readonly current: string | undefined;
}

export const FIRST_PAGE: KeysetPages = { previous: [], current: undefined };

export function nextPage(pages: KeysetPages, nextCursor: string): KeysetPages {
  return { previous: [...pages.previous, pages.current], current: nextCursor };
}

export function previousPage(pages: KeysetPages): KeysetPages {
  if (pages.previous.length === 0) return pages;
  return { previous: pages.previous.slice(0, -1), current: pages.previous.at(-1) };
}

/** 0-based index of the current page. */
export function pageIndex(pages: KeysetPages): number {
  return pages.previous.length;
}

/** “Showing 51–100 of 1,234” numbers for a page of `count` rows of size `pageSize`. */
export function pageRange(pages: KeysetPages, pageSize: number, count: number): { from: number; to: number } {
  const from = pageIndex(pages) * pageSize + (count === 0 ? 0 : 1);
  return { from, to: from + Math.max(count - 1, 0) };
}
