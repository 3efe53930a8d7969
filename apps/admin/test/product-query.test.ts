import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRODUCT_QUERY,
  nextSort,
  productFilterOf,
  productFilterSearch,
  productQueryParams,
  readProductQuery,
} from '../src/lib/product-query.ts';

describe('product page state in the URL', () => {
  it('round-trips through search params, leaving defaults out', () => {
    const query = {
      ...DEFAULT_PRODUCT_QUERY,
      q: 'mug',
      autoSync: 'off' as const,
      channelId: 3,
      sort: 'sku' as const,
    };
    const params = productQueryParams(query);
    expect(params).toEqual({
      q: 'mug',
      autoSync: 'off',
      channel: '3',
      syncStatus: undefined,
      sort: 'sku',
      dir: undefined,
    });
    const back = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >;
    expect(readProductQuery(back)).toEqual(query);
  });

  it('ignores values it does not know instead of sending them to the server', () => {
    expect(
      readProductQuery({ autoSync: 'maybe', channel: '-2', sort: 'price', dir: 'up', syncStatus: 'x' }),
    ).toEqual(DEFAULT_PRODUCT_QUERY);
  });
});

describe('the product filter', () => {
  it('is the same filter for the list, the count and the bulk body', () => {
    const filter = productFilterOf({
      ...DEFAULT_PRODUCT_QUERY,
      q: 'mug',
      autoSync: 'off',
      syncStatus: 'failed',
    });
    expect(filter).toEqual({ q: 'mug', autoSync: false, syncStatus: 'failed' });
    expect(productFilterSearch(filter)).toEqual({ q: 'mug', autoSync: 'false', syncStatus: 'failed' });
  });

  it('is empty (every product) with no search or filter', () => {
    expect(productFilterOf(DEFAULT_PRODUCT_QUERY)).toEqual({});
  });
});

describe('nextSort', () => {
  it('flips direction on the same column and starts ascending on another', () => {
    expect(nextSort(DEFAULT_PRODUCT_QUERY, 'name')).toEqual({ sort: 'name', direction: 'desc' });
    expect(nextSort({ ...DEFAULT_PRODUCT_QUERY, direction: 'desc' }, 'sku')).toEqual({
      sort: 'sku',
      direction: 'asc',
    });
  });
});
