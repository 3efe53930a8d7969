import { describe, expect, it } from 'vitest';
import { CAUSE_TYPES, causeLabel, isCauseType } from '../src/lib/cause-labels.ts';

// That every cause type has a label is checked by the compiler (the table satisfies Record<SyncCauseType, …>).
describe('cause labels', () => {
  it('tell every reason apart', () => {
    expect(new Set(CAUSE_TYPES.map(causeLabel)).size).toBe(CAUSE_TYPES.length);
    expect(causeLabel('auto_sync')).toBe('Auto Sync');
  });

  it('know a cause type from any other text', () => {
    expect(isCauseType('sales_order')).toBe(true);
    expect(isCauseType('order')).toBe(false);
    expect(isCauseType('toString')).toBe(false);
  });
});
