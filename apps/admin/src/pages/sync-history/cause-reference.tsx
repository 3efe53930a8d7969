import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { SyncHistoryEntry } from '../../api/types.ts';
import { causeDescription, causeReference, causeSubjectHref } from '../../lib/cause-reference.ts';

type Cause = SyncHistoryEntry['cause'];

/** What the cause names (an order's number, a feed's name…), a link to its page where the admin has one. */
export function CauseReference(props: { storeId: number; cause: Cause }) {
  return (
    <Show
      when={causeSubjectHref(props.storeId, props.cause)}
      fallback={
        <span class="cause-name" title={causeDescription(props.cause)}>
          {causeReference(props.cause)}
        </span>
      }
    >
      {(href) => (
        <A class="cause-name" href={href()} title={`Open ${causeDescription(props.cause)}`}>
          {causeReference(props.cause)}
        </A>
      )}
    </Show>
  );
}

/** A small funnel link that narrows Sync History to this one cause (`href`: the page with that filter). */
export function CauseFilterLink(props: { href: string; cause: Cause }) {
  const label = () => `Only pushes of ${causeDescription(props.cause)}`;
  return (
    <A class="cause-filter" href={props.href} aria-label={label()} title={label()}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M1.5 2h13l-5 6v5.5l-3-1.5V8z" />
      </svg>
    </A>
  );
}
