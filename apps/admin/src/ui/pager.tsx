import { formatCount } from '../lib/format.ts';
import type { PagedList } from '../lib/paged-list.ts';

/** Previous / Next under a paged table, with which rows are shown (keyset paging knows no total). */
export function Pager(props: { label: string; list: PagedList<unknown> }) {
  return (
    <nav class="pager" aria-label={props.label}>
      <span class="muted" aria-live="polite">
        {props.list.items().length > 0
          ? `Showing ${formatCount(props.list.range().from)}–${formatCount(props.list.range().to)}`
          : ''}
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
