import { Show } from 'solid-js';

/** “Load more” under a list read a page at a time; gone once the last page is in. */
export function LoadMoreButton(props: { list: { hasMore(): boolean; loadMore(): void } }) {
  return (
    <Show when={props.list.hasMore()}>
      <button type="button" class="button" onClick={() => props.list.loadMore()}>
        Load more
      </button>
    </Show>
  );
}
