import { describe, expect, it } from 'vitest';
import { describeInputs, describeRule, readExplanation } from '../src/lib/explanation.ts';

const explanation = {
  inputs: { onHand: 12, committed: 2, available: 10, locations: [1, 2] },
  rule: { source: 'store', id: 4, buffer: 2, percent: 80, maxQuantity: 50, endWhen: 3 },
  steps: ['available 10 > end-when 3', 'floor(10 × 80%) = 8', '8 − buffer 2 = 6'],
};

describe('readExplanation', () => {
  it('accepts the stored explanation shape', () => {
    expect(readExplanation(explanation)?.steps).toHaveLength(3);
  });

  it('refuses anything else, so the page shows it raw instead of breaking', () => {
    expect(readExplanation(null)).toBeUndefined();
    expect(readExplanation({ ...explanation, steps: 'x' })).toBeUndefined();
    expect(
      readExplanation({ ...explanation, rule: { ...explanation.rule, source: 'magic' } }),
    ).toBeUndefined();
    expect(
      readExplanation({ ...explanation, inputs: { ...explanation.inputs, onHand: '12' } }),
    ).toBeUndefined();
  });
});

describe('describeRule', () => {
  it('names the winning rule and each of its settings', () => {
    expect(describeRule(explanation.rule as never)).toBe(
      'Store default rule: 80% of available, keep 2 back, at most 50, 0 when available ≤ 3',
    );
  });

  it('says when no rule changes the number', () => {
    expect(describeRule({ source: 'none', buffer: 0, percent: 100, maxQuantity: null, endWhen: null })).toBe(
      'No rule: the available quantity as is',
    );
  });
});

describe('describeInputs', () => {
  it('lists the stock the number started from', () => {
    expect(describeInputs(explanation as never)).toEqual([
      { label: 'On hand', value: '12' },
      { label: 'Committed', value: '2' },
      { label: 'Available', value: '10' },
      { label: 'Locations counted', value: '#1, #2' },
    ]);
  });

  it('explains a kit by its components, and unknown stock as unknown (never 0)', () => {
    const kit = {
      ...explanation,
      inputs: {
        onHand: null,
        committed: null,
        available: null,
        locations: [1],
        components: [
          { productId: 1, sku: 'MUG', available: 7, perKit: 2, yields: 3 },
          { productId: 2, sku: 'LID', available: null, perKit: 1, yields: null },
        ],
      },
    };
    expect(describeInputs(kit as never)).toEqual([
      { label: 'On hand', value: 'kit (no stock of its own)' },
      { label: 'Available', value: 'unknown' },
      { label: 'Component MUG', value: '7 available ÷ 2 per kit = 3 kits' },
      { label: 'Component LID', value: 'unknown available ÷ 1 per kit = unknown kits' },
      { label: 'Locations counted', value: '#1' },
    ]);
  });
});

describe('describeInputs with location names', () => {
  it('names the counted locations when the store knows them', () => {
    const names = new Map([[1, 'Main warehouse']]);
    expect(describeInputs(explanation as never, (id) => names.get(id)).at(-1)).toEqual({
      label: 'Locations counted',
      value: 'Main warehouse, #2',
    });
  });
});
