import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppliedRule,
  applySyncRule,
  NEUTRAL_RULE,
  pickRule,
  type SyncRuleValues,
} from '../src/index.ts';

const rule = (values: Partial<SyncRuleValues> = {}): SyncRuleValues => ({ ...NEUTRAL_RULE, ...values });

describe('applySyncRule', () => {
  it('passes available through unchanged with the neutral rule', () => {
    expect(applySyncRule(12, rule())).toEqual({ quantity: 12, steps: ['available 12', 'floor at 0 → 12'] });
  });

  it('applies every knob in order and explains each step', () => {
    expect(applySyncRule(12, { buffer: 1, percent: 50, maxQuantity: 100, endWhen: 2 })).toEqual({
      quantity: 5,
      steps: [
        'available 12',
        'available 12 > end-when 2',
        'floor(12 × 50%) = 6',
        '6 − buffer 1 = 5',
        'min(5, max 100) = 5',
        'floor at 0 → 5',
      ],
    });
  });

  it('holds back the buffer', () => {
    expect(applySyncRule(10, rule({ buffer: 3 })).quantity).toBe(7);
    expect(applySyncRule(2, rule({ buffer: 3 })).quantity).toBe(0);
  });

  it('offers a percentage, rounding down', () => {
    expect(applySyncRule(7, rule({ percent: 50 })).quantity).toBe(3);
    expect(applySyncRule(10, rule({ percent: 0 })).quantity).toBe(0);
    expect(applySyncRule(3, rule({ percent: 99 })).quantity).toBe(2);
  });

  it('takes the percentage before the buffer', () => {
    // floor(10 × 50%) − 2 = 3, not floor((10 − 2) × 50%) = 4.
    expect(applySyncRule(10, rule({ percent: 50, buffer: 2 })).quantity).toBe(3);
  });

  it('caps at maxQuantity, including a cap of 0', () => {
    expect(applySyncRule(500, rule({ maxQuantity: 20 })).quantity).toBe(20);
    expect(applySyncRule(5, rule({ maxQuantity: 20 })).quantity).toBe(5);
    expect(applySyncRule(5, rule({ maxQuantity: 0 })).quantity).toBe(0);
  });

  it('ends at endWhen inclusively: available equal to endWhen already shows 0', () => {
    expect(applySyncRule(2, rule({ endWhen: 2 }))).toEqual({
      quantity: 0,
      steps: ['available 2', 'available 2 ≤ end-when 2 → 0'],
    });
    expect(applySyncRule(3, rule({ endWhen: 2 })).quantity).toBe(3);
    expect(applySyncRule(0, rule({ endWhen: 0 })).quantity).toBe(0);
  });

  it('never goes negative, even from negative available', () => {
    expect(applySyncRule(-4, rule())).toEqual({ quantity: 0, steps: ['available -4', 'floor at 0 → 0'] });
    expect(applySyncRule(-5, rule({ percent: 50, buffer: 1, maxQuantity: 3 })).quantity).toBe(0);
    expect(Object.is(applySyncRule(-5, rule({ percent: 0 })).quantity, 0)).toBe(true);
  });

  const ruleArb = fc.record({
    buffer: fc.nat({ max: 10_000 }),
    percent: fc.integer({ min: 0, max: 100 }),
    maxQuantity: fc.option(fc.nat({ max: 100_000 }), { nil: null }),
    endWhen: fc.option(fc.nat({ max: 10_000 }), { nil: null }),
  });

  it('is never negative and never above max(available, 0), for any valid rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), ruleArb, (available, r) => {
        const { quantity, steps } = applySyncRule(available, r);
        expect(Number.isInteger(quantity)).toBe(true);
        expect(quantity).toBeGreaterThanOrEqual(0);
        expect(quantity).toBeLessThanOrEqual(Math.max(available, 0));
        if (r.maxQuantity !== null) expect(quantity).toBeLessThanOrEqual(r.maxQuantity);
        if (r.endWhen !== null && available <= r.endWhen) expect(quantity).toBe(0);
        expect(steps.at(-1)).toMatch(/→ \d+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the documented formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), ruleArb, (available, r) => {
        let expected: number;
        if (r.endWhen !== null && available <= r.endWhen) expected = 0;
        else {
          let q = Math.floor((available * r.percent) / 100) - r.buffer;
          if (r.maxQuantity !== null) q = Math.min(q, r.maxQuantity);
          expected = Math.max(q, 0);
        }
        expect(applySyncRule(available, r).quantity).toBe(expected);
      }),
    );
  });
});

describe('pickRule', () => {
  const stored = (id: number, values: Partial<SyncRuleValues> = {}) => ({
    id,
    buffer: null,
    percent: null,
    maxQuantity: null,
    endWhen: null,
    ...values,
  });

  it('falls back to the neutral rule when no rule exists', () => {
    expect(pickRule({})).toEqual<AppliedRule>({ source: 'none', ...NEUTRAL_RULE });
  });

  it('takes listing over product over channel over store', () => {
    const store = stored(1, { buffer: 1 });
    const channel = stored(2, { buffer: 2 });
    const product = stored(3, { buffer: 3 });
    const listing = stored(4, { buffer: 4 });
    expect(pickRule({ store, channel, product, listing })).toMatchObject({
      source: 'listing',
      id: 4,
      buffer: 4,
    });
    expect(pickRule({ store, channel, product })).toMatchObject({ source: 'product', id: 3, buffer: 3 });
    expect(pickRule({ store, channel })).toMatchObject({ source: 'channel', id: 2, buffer: 2 });
    expect(pickRule({ store })).toMatchObject({ source: 'store', id: 1, buffer: 1 });
    expect(pickRule({ store, listing })).toMatchObject({ source: 'listing', id: 4 });
  });

  it('lets the winning rule win as a whole: its empty fields are neutral, not inherited', () => {
    const store = stored(1, { buffer: 5, percent: 50, maxQuantity: 10, endWhen: 3 });
    const product = stored(2, { maxQuantity: 7 });
    expect(pickRule({ store, product })).toEqual<AppliedRule>({
      source: 'product',
      id: 2,
      buffer: 0,
      percent: 100,
      maxQuantity: 7,
      endWhen: null,
    });
  });
});
