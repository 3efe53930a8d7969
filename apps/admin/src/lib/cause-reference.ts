import type { SyncCauseType, SyncHistoryEntry } from '../api/types.ts';
import { causeLabel } from './cause-labels.ts';

type Cause = Pick<SyncHistoryEntry['cause'], 'type' | 'ref' | 'subject'>;

/** Causes named by an order number: shown bare, as merchants write them (#1001, PO-7). */
const NUMBERED: ReadonlySet<SyncCauseType> = new Set([
  'sales_order',
  'channel_order',
  'purchase_order',
  'work_order',
]);

/** The admin's page for each kind of subject; adjustments and uploads have none of their own. */
const SUBJECT_PAGES: Partial<Record<SyncCauseType, string>> = {
  sales_order: 'sales-orders',
  channel_order: 'sales-orders',
  purchase_order: 'purchase-orders',
  work_order: 'work-orders',
  feed: 'feeds',
};

/**
 * What the cause names, as the merchant reads it: an order's number, a feed's, upload's or adjustment's name
 * in quotes; the recorded ref when it names nothing that still exists.
 */
export function causeReference(cause: Cause): string {
  const name = cause.subject?.name;
  if (name === undefined) return cause.ref;
  return NUMBERED.has(cause.type) ? name : `“${name}”`;
}

/** The whole reason in words, such as Sales order #1001, Inventory feed “Supplier A” or Resync drift-sweep. */
export function causeDescription(cause: Cause): string {
  const reference = causeReference(cause);
  return reference ? `${causeLabel(cause.type)} ${reference}` : causeLabel(cause.type);
}

/** The admin page of what the cause names (the order, the feed), when it exists and has one. */
export function causeSubjectHref(storeId: number, cause: Cause): string | undefined {
  const page = SUBJECT_PAGES[cause.type];
  return page && cause.subject ? `/stores/${storeId}/${page}/${cause.subject.id}` : undefined;
}

/**
 * How the Reference chip names the cause the page is filtered by: as a loaded entry of that cause names it,
 * else by the ref from the URL.
 */
export function filteredCauseReference(
  filter: { causeType: SyncCauseType | ''; causeRef: string },
  entries: readonly { cause: Cause }[],
): string {
  const shown = entries.find((e) => e.cause.type === filter.causeType && e.cause.ref === filter.causeRef);
  return shown ? causeReference(shown.cause) : filter.causeRef;
}
