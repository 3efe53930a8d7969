import { describe, expect, it } from 'vitest';
import { figureJson, figureTable, meetsTarget, percentile } from '../src/index.ts';

describe('bench reporting', () => {
  it('checks targets against the value, or the ratio for ratio figures', () => {
    expect(meetsTarget({ name: 'ops', value: 6000, unit: 'ops/s', target: '>= 5000' })).toBe(true);
    expect(meetsTarget({ name: 'ops', value: 4999, unit: 'ops/s', target: '>= 5000' })).toBe(false);
    expect(meetsTarget({ name: 't', value: 6.2, unit: 's', target: '< 5' })).toBe(false);
    expect(
      meetsTarget({ name: 'r', value: 40, unit: 'ratio', target: '>= 0.5', baseline: 10, ratio: 0.25 }),
    ).toBe(false);
    expect(() => meetsTarget({ name: 'x', value: 1, unit: 's', target: 'fast' })).toThrow(/unreadable/);
  });

  it('prints exactly the convention keys as JSON', () => {
    const line = figureJson({ name: 'a', value: 1.23456, unit: 's', target: '< 5' });
    expect(JSON.parse(line)).toEqual({ name: 'a', value: 1.235, unit: 's', target: '< 5' });
    expect(figureTable([{ name: 'a', value: 9, unit: 's', target: '< 5' }])).toMatch(/MISSED/);
  });

  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
  });
});
