import { formatCount } from '../lib/format.ts';
import type { PagedList } from '../lib/paged-list.ts';

type PagerList = Pick<
  PagedList<unknown>,
  'items' | 'range' | 'hasPrevious' | 'hasNext' | 'previous' | 'next'
>;

/**
 * Previous / Next under a paged table, with which rows are shown: keyset paging knows no total, so `total` is
 * for a list that counts its rows apart.
 */
export function Pager(props: { label: string; list: PagerList; total?: number }) {
  const shown = () => {
    const { from, to } = props.list.range();
    const of = props.total === undefined ? '' : ` of ${formatCount(props.total)}`;
    return `Showing ${formatCount(from)}–${formatCount(to)}${of}`;
  };
  return (
    <nav class="pager" aria-label={props.label}>
      <span class="muted" aria-live="polite">
        {props.list.items().length > 0 ? shown() : ''}
      </span>
      <button
        type="button"
        class="button"
        disabled={!props.list.hasPrevious()}
        onClick={() => props.list.previous()}
      >
        Previous
      </button>
      <button type="button" class="button" disabled={!props.list.hasNext()} onClick={() => props.list.next()}>
        Next
      </button>
    </nav>
  );
}
