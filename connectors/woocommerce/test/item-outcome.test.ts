import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../src/item-outcome.ts';

describe('batch item outcomes', () => {
  it('classifies an item error by its data.status like a whole call', () => {
    const error = (data: { status?: number } | null) => ({ id: 5, error: { code: 'c', message: 'm', data } });
    expect(outcomeOf(error({ status: 400 }))).toEqual({ status: 'permanent', code: 'c', message: 'm' });
    expect(outcomeOf(error({ status: 404 }))).toMatchObject({ status: 'permanent' });
    expect(outcomeOf(error({ status: 429 }))).toMatchObject({ status: 'transient' });
    expect(outcomeOf(error({ status: 503 }))).toMatchObject({ status: 'transient' });
    // WordPress answers a WP_Error that names no status as 500: retry it.
    expect(outcomeOf(error(null))).toMatchObject({ status: 'transient' });
    expect(outcomeOf(error({}))).toMatchObject({ status: 'transient' });
  });

  it('a saved item is ok with the quantity WooCommerce reports, unless its stock is still not managed', () => {
    expect(outcomeOf({ id: 5, manage_stock: true, stock_quantity: 7 })).toEqual({
      status: 'ok',
      quantity: 7,
    });
    expect(outcomeOf({ id: 5, manage_stock: false, stock_quantity: null })).toMatchObject({
      status: 'permanent',
      code: 'stock_not_managed',
    });
    expect(outcomeOf({ id: 5, manage_stock: 'parent', stock_quantity: 3 })).toMatchObject({
      status: 'permanent',
      code: 'stock_not_managed',
    });
  });
});
