import { describe, expect, it } from 'vitest';
import {
  adjustmentApiQuery,
  adjustmentQueryParams,
  describeLineChange,
  readAdjustmentQuery,
} from '../src/lib/adjustment-query.ts';
import { dayStart } from '../src/lib/history-query.ts';

describe('adjustment history query', () => {
  it('reads the filters from the URL, dropping days that are not YYYY-MM-DD', () => {
    expect(readAdjustmentQuery({ sku: ' MUG-BLUE ', from: '2024-06-01', to: 'yesterday' })).toEqual({
      sku: 'MUG-BLUE',
      fromDay: '2024-06-01',
      toDay: '',
    });
    expect(readAdjustmentQuery({})).toEqual({ sku: '', fromDay: '', toDay: '' });
  });

  it('writes back only the filters that are set', () => {
    expect(adjustmentQueryParams({ sku: '', fromDay: '2024-06-01', toDay: '' })).toEqual({
      sku: undefined,
      from: '2024-06-01',
      to: undefined,
    });
  });

  it('asks the API for the whole “to” day: the range ends at the next local midnight', () => {
    const query = adjustmentApiQuery({ sku: 'MUG-BLUE', fromDay: '2024-06-01', toDay: '2024-06-03' });
    expect(query).toEqual({
      sku: 'MUG-BLUE',
      from: String(dayStart('2024-06-01')),
      to: String(dayStart('2024-06-04')),
    });
    expect(adjustmentApiQuery({ sku: '', fromDay: '', toDay: '' })).toEqual({});
  });
});

describe('describeLineChange', () => {
  it('says a count as “Set to”, a change with its sign', () => {
    expect(describeLineChange({ mode: 'set', quantity: 12 })).toBe('Set to 12');
    expect(describeLineChange({ mode: 'delta', quantity: 3 })).toBe('+3');
    expect(describeLineChange({ mode: 'delta', quantity: -2 })).toBe('−2');
  });
});
