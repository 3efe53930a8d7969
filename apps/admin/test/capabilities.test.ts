import { describe, expect, it } from 'vitest';
import { capabilityFacts, describeRateModel } from '../src/lib/capabilities.ts';

describe('describeRateModel', () => {
  it('says each kind of limit in words', () => {
    expect(describeRateModel({ kind: 'token-bucket', ratePerSec: 2.5, burst: 40 })).toBe(
      '2.5 requests/s (bursts of 40)',
    );
    expect(describeRateModel({ kind: 'cost-bucket', capacity: 1000, restorePerSec: 50 })).toBe(
      '1,000 cost points, 50 restored per second',
    );
    expect(describeRateModel({ kind: 'fixed-window', limit: 40, windowMs: 60_000 })).toBe(
      '40 requests per 60 s',
    );
    expect(describeRateModel({ kind: 'daily-quota', limit: 10_000 })).toBe('10,000 calls a day');
  });
});

describe('capabilityFacts', () => {
  it('lists every yes/no capability with its value', () => {
    const facts = capabilityFacts({
      readBack: true,
      orderWebhooks: false,
      orderPolling: false,
      compareAndSet: true,
      idempotentWrites: false,
      pendingResults: false,
      maxBatch: 100,
      rateModels: [],
    });
    expect(facts.filter((f) => f.value).map((f) => f.label)).toEqual([
      'Reads quantities back (drift repair)',
      'Compare-and-set writes',
    ]);
    expect(facts).toHaveLength(6);
  });
});
