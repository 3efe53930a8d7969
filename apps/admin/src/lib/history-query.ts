import type { SyncCauseType, SyncHistoryEntry, SyncStatus } from '../api/types.ts';
import { isCauseType } from './cause-labels.ts';

export const SYNC_STATUSES: readonly SyncStatus[] = ['pending', 'succeeded', 'failed', 'retrying', 'skipped'];

/** The Sync History filters as they live in the URL. Dates are local calendar days (`2024-06-10`). */
export interface HistoryQuery {
  productId: number | undefined;
  channelId: number | undefined;
  status: SyncStatus | '';
  /** The reason: what set the pushes in motion. */
  causeType: SyncCauseType | '';
  /** One cause of that type (an order's id…); '' without a type, as the API takes a ref only with one. */
  causeRef: string;
  fromDay: string;
  toDay: string;
}

type Params = Partial<Record<string, string | string[]>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const positiveId = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readHistoryQuery(params: Params): HistoryQuery {
  const status = first(params.status) ?? '';
  const causeType = first(params.reason) ?? '';
  const fromDay = first(params.from) ?? '';
  const toDay = first(params.to) ?? '';
  return {
    productId: positiveId(first(params.product)),
    channelId: positiveId(first(params.channel)),
    status: SYNC_STATUSES.includes(status as SyncStatus) ? (status as SyncStatus) : '',
    causeType: isCauseType(causeType) ? causeType : '',
    causeRef: isCauseType(causeType) ? (first(params.ref) ?? '') : '',
    fromDay: DAY.test(fromDay) ? fromDay : '',
    toDay: DAY.test(toDay) ? toDay : '',
  };
}

export function historyQueryParams(query: HistoryQuery): Record<string, string | undefined> {
  return {
    product: query.productId?.toString(),
    channel: query.channelId?.toString(),
    status: query.status || undefined,
    reason: query.causeType || undefined,
    ref: (query.causeType && query.causeRef) || undefined,
    from: query.fromDay || undefined,
    to: query.toDay || undefined,
  };
}

/** The page's address with these filters (for links that filter, such as a row's cause). */
export function historyHref(storeId: number, query: HistoryQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(historyQueryParams(query))) {
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return `/stores/${storeId}/sync-history${search ? `?${search}` : ''}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` day, in epoch ms. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

/** The list route's query: the “to” day is inclusive for the merchant, so the range ends at the next midnight. */
export function historyApiQuery(query: HistoryQuery): {
  productId?: number;
  channelId?: number;
  status?: SyncStatus[];
  causeType?: SyncCauseType[];
  causeRef?: string;
  from?: string;
  to?: string;
} {
  return {
    ...(query.productId !== undefined && { productId: query.productId }),
    ...(query.channelId !== undefined && { channelId: query.channelId }),
    ...(query.status && { status: [query.status] }),
    ...(query.causeType && { causeType: [query.causeType] }),
    ...(query.causeType && query.causeRef && { causeRef: query.causeRef }),
    ...(query.fromDay && { from: String(dayStart(query.fromDay)) }),
    ...(query.toDay && { to: String(dayStart(query.toDay) + 86_400_000) }),
  };
}

/** New entries only belong on screen while the range is open-ended (no “to” day in the past). */
export function acceptsLiveEntries(query: HistoryQuery, now: number): boolean {
  return !query.toDay || dayStart(query.toDay) + 86_400_000 > now;
}

/** Adds streamed entries to the list: newest first, each id once (a reconnect may resend one). */
export function mergeEntries(
  current: readonly SyncHistoryEntry[],
  incoming: readonly SyncHistoryEntry[],
): SyncHistoryEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** The stream's query string (same filters as the list; the stream has no time range). */
export function streamSearch(query: HistoryQuery): string {
  const params = new URLSearchParams();
  if (query.productId !== undefined) params.set('productId', String(query.productId));
  if (query.channelId !== undefined) params.set('channelId', String(query.channelId));
  if (query.status) params.set('status', query.status);
  if (query.causeType) params.set('causeType', query.causeType);
  if (query.causeType && query.causeRef) params.set('causeRef', query.causeRef);
  const text = params.toString();
  return text ? `?${text}` : '';
}
