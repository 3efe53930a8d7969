import { describe, expect, it } from 'vitest';
import type { SyncCauseType } from '../src/api/types.ts';
import {
  causeDescription,
  causeReference,
  causeSubjectHref,
  filteredCauseReference,
} from '../src/lib/cause-reference.ts';

const cause = (type: SyncCauseType, ref: string, subject: { id: number; name: string } | null = null) => ({
  type,
  ref,
  subject,
});

describe('a Sync History cause in the merchant’s words', () => {
  it('names orders by their number and other things by their name in quotes', () => {
    const named = [
      [cause('sales_order', '12', { id: 12, name: '#1001' }), 'Sales order #1001'],
      [cause('channel_order', '13', { id: 13, name: 'W-77' }), 'Channel order W-77'],
      [cause('purchase_order', '3', { id: 3, name: 'PO-7' }), 'Purchase order PO-7'],
      [cause('work_order', '4', { id: 4, name: 'WO-3' }), 'Work order WO-3'],
      [cause('feed', '90', { id: 5, name: 'Supplier A' }), 'Inventory feed “Supplier A”'],
      [cause('upload', '6', { id: 6, name: 'stock.csv' }), 'CSV upload “stock.csv”'],
      [cause('adjustment', '7', { id: 7, name: 'cycle count' }), 'Adjustment “cycle count”'],
    ] as const;
    for (const [c, words] of named) expect(causeDescription(c)).toBe(words);
  });

  it('falls back to the recorded ref when nothing is named, and to the label alone without one', () => {
    expect(causeReference(cause('sales_order', '12'))).toBe('12');
    expect(causeDescription(cause('feed', '90'))).toBe('Inventory feed 90');
    expect(causeDescription(cause('resync', 'drift-sweep'))).toBe('Resync drift-sweep');
    expect(causeDescription(cause('auto_sync', ''))).toBe('Auto Sync');
  });

  it('links to the admin page of an order or feed that still exists, never to one that is gone', () => {
    const href = (c: ReturnType<typeof cause>) => causeSubjectHref(4, c);
    expect(href(cause('sales_order', '12', { id: 12, name: '#1001' }))).toBe('/stores/4/sales-orders/12');
    expect(href(cause('channel_order', '13', { id: 13, name: 'W-77' }))).toBe('/stores/4/sales-orders/13');
    expect(href(cause('purchase_order', '3', { id: 3, name: 'PO-7' }))).toBe('/stores/4/purchase-orders/3');
    expect(href(cause('work_order', '4', { id: 4, name: 'WO-3' }))).toBe('/stores/4/work-orders/4');
    // A feed run's cause links to its feed, not to the run.
    expect(href(cause('feed', '90', { id: 5, name: 'Supplier A' }))).toBe('/stores/4/feeds/5');
    expect(href(cause('feed', '90'))).toBeUndefined();
    expect(href(cause('sales_order', '12'))).toBeUndefined();
    // No page of their own.
    expect(href(cause('adjustment', '7', { id: 7, name: 'cycle count' }))).toBeUndefined();
    expect(href(cause('upload', '6', { id: 6, name: 'stock.csv' }))).toBeUndefined();
  });

  it('names the filtered cause as a loaded entry of that cause does, else by the ref from the URL', () => {
    const entries = [
      { cause: cause('purchase_order', '12', { id: 12, name: 'PO-7' }) },
      { cause: cause('sales_order', '12', { id: 12, name: '#1001' }) },
    ];
    expect(filteredCauseReference({ causeType: 'sales_order', causeRef: '12' }, entries)).toBe('#1001');
    expect(filteredCauseReference({ causeType: 'sales_order', causeRef: '99' }, entries)).toBe('99');
    expect(filteredCauseReference({ causeType: 'work_order', causeRef: '12' }, entries)).toBe('12');
  });
});
