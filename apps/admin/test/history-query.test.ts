import { describe, expect, it } from 'vitest';
import type { SyncHistoryEntry } from '../src/api/types.ts';
import {
  acceptsLiveEntries,
  dayStart,
  historyApiQuery,
  historyHref,
  historyQueryParams,
  mergeEntries,
  readHistoryQuery,
  streamSearch,
} from '../src/lib/history-query.ts';

describe('Sync History filters', () => {
  it('round-trip through the URL and drop unknown values', () => {
    const query = readHistoryQuery({
      product: '5',
      channel: '2',
      status: 'failed',
      from: '2024-06-10',
      to: 'bad',
    });
    expect(query).toEqual({
      productId: 5,
      channelId: 2,
      status: 'failed',
      causeType: '',
      causeRef: '',
      fromDay: '2024-06-10',
      toDay: '',
    });
    expect(historyQueryParams(query)).toEqual({
      product: '5',
      channel: '2',
      status: 'failed',
      reason: undefined,
      ref: undefined,
      from: '2024-06-10',
      to: undefined,
    });
  });

  it('keep a reason, and a ref only with its reason', () => {
    const query = readHistoryQuery({ reason: 'sales_order', ref: 'SO 1001' });
    expect(query).toMatchObject({ causeType: 'sales_order', causeRef: 'SO 1001' });
    expect(historyQueryParams(query)).toMatchObject({ reason: 'sales_order', ref: 'SO 1001' });
    expect(historyApiQuery(query)).toEqual({ causeType: ['sales_order'], causeRef: 'SO 1001' });
    expect(streamSearch(query)).toBe('?causeType=sales_order&causeRef=SO+1001');
    // The API refuses a ref without its type: an unknown reason drops both.
    expect(readHistoryQuery({ reason: 'order', ref: '1001' })).toMatchObject({ causeType: '', causeRef: '' });
    expect(readHistoryQuery({ ref: '1001' })).toMatchObject({ causeType: '', causeRef: '' });
    expect(historyApiQuery(readHistoryQuery({ reason: 'feed' }))).toEqual({ causeType: ['feed'] });
  });

  it('link to the page with the filters', () => {
    const query = readHistoryQuery({ channel: '2', reason: 'purchase_order', ref: 'PO/7&8' });
    const href = historyHref(3, query);
    expect(href).toBe('/stores/3/sync-history?channel=2&reason=purchase_order&ref=PO%2F7%268');
    expect(readHistoryQuery(Object.fromEntries(new URL(href, 'http://x').searchParams))).toEqual(query);
    expect(historyHref(3, readHistoryQuery({}))).toBe('/stores/3/sync-history');
  });

  it('ask the API for whole local days, the “to” day included', () => {
    const q = historyApiQuery(
      readHistoryQuery({ from: '2024-06-10', to: '2024-06-10', status: 'succeeded' }),
    );
    expect(Number(q.to) - Number(q.from)).toBe(86_400_000);
    expect(Number(q.from)).toBe(new Date(2024, 5, 10).getTime());
    expect(q.status).toEqual(['succeeded']);
  });

  it('only stream while the range is open-ended', () => {
    const now = dayStart('2024-06-10') + 3600_000;
    expect(acceptsLiveEntries(readHistoryQuery({}), now)).toBe(true);
    expect(acceptsLiveEntries(readHistoryQuery({ to: '2024-06-10' }), now)).toBe(true);
    expect(acceptsLiveEntries(readHistoryQuery({ to: '2024-06-09' }), now)).toBe(false);
  });

  it('pass the same filters to the stream', () => {
    expect(streamSearch(readHistoryQuery({ product: '5', status: 'failed' }))).toBe(
      '?productId=5&status=failed',
    );
    expect(streamSearch(readHistoryQuery({}))).toBe('');
  });
});

describe('mergeEntries', () => {
  const entry = (id: number) => ({ id }) as SyncHistoryEntry;
  it('keeps newest first and each id once', () => {
    const merged = mergeEntries([entry(5), entry(3)], [entry(6), entry(5), entry(4)]);
    expect(merged.map((e) => e.id)).toEqual([6, 5, 4, 3]);
  });
});
