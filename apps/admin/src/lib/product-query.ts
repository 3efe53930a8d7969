import type { ProductFilter } from '../api/types.ts';

export type ProductSort = 'sku' | 'name' | 'createdAt' | 'id';
export type SortDirection = 'asc' | 'desc';
export type SyncStatusFilter = 'failed' | 'pending' | 'ok';

/** What the products page shows, as it lives in the URL (so back/forward and shared links keep it). */
export interface ProductQuery {
  q: string;
  autoSync: 'on' | 'off' | '';
  channelId: number | undefined;
  syncStatus: SyncStatusFilter | '';
  sort: ProductSort;
  direction: SortDirection;
}

export const DEFAULT_PRODUCT_QUERY: ProductQuery = {
  q: '',
  autoSync: '',
  channelId: undefined,
  syncStatus: '',
  sort: 'name',
  direction: 'asc',
};

type Params = Partial<Record<string, string | string[]>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const oneOf = <T extends string>(value: string | undefined, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** Reads the page state from search params; anything unknown falls back to the default. */
export function readProductQuery(params: Params): ProductQuery {
  const channel = Number(first(params.channel));
  return {
    q: first(params.q)?.trim() ?? '',
    autoSync: oneOf(first(params.autoSync), ['on', 'off'] as const, ''),
    channelId: Number.isSafeInteger(channel) && channel > 0 ? channel : undefined,
    syncStatus: oneOf(first(params.syncStatus), ['failed', 'pending', 'ok'] as const, ''),
    sort: oneOf(first(params.sort), ['sku', 'name', 'createdAt', 'id'] as const, 'name'),
    direction: oneOf(first(params.dir), ['asc', 'desc'] as const, 'asc'),
  };
}

/** Search params for a page state; defaults are left out so URLs stay short. */
export function productQueryParams(query: ProductQuery): Record<string, string | undefined> {
  return {
    q: query.q || undefined,
    autoSync: query.autoSync || undefined,
    channel: query.channelId === undefined ? undefined : String(query.channelId),
    syncStatus: query.syncStatus || undefined,
    sort: query.sort === 'name' ? undefined : query.sort,
    dir: query.direction === 'asc' ? undefined : query.direction,
  };
}

/** The filter part, as the list, the count, the preview and the bulk change all take it. */
export function productFilterOf(query: ProductQuery): ProductFilter {
  return {
    ...(query.q && { q: query.q }),
    ...(query.autoSync && { autoSync: query.autoSync === 'on' }),
    ...(query.channelId !== undefined && { channelId: query.channelId }),
    ...(query.syncStatus && { syncStatus: query.syncStatus }),
  };
}

/** The same filter as query-string values (booleans as words, as the list and count routes expect). */
export function productFilterSearch(filter: ProductFilter): {
  q?: string;
  autoSync?: 'true' | 'false';
  channelId?: number;
  syncStatus?: SyncStatusFilter;
} {
  return {
    ...(filter.q !== undefined && { q: filter.q }),
    ...(filter.autoSync !== undefined && { autoSync: filter.autoSync ? 'true' : 'false' }),
    ...(filter.channelId !== undefined && { channelId: filter.channelId }),
    ...(filter.syncStatus !== undefined && { syncStatus: filter.syncStatus }),
  };
}

/** Clicking a column header: the same column flips direction, another column starts ascending. */
export function nextSort(query: ProductQuery, column: ProductSort): Pick<ProductQuery, 'sort' | 'direction'> {
  if (query.sort === column) return { sort: column, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  return { sort: column, direction: 'asc' };
}
