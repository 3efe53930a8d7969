import { describe, expect, it } from 'vitest';
import { staleFeedReason, staleReasonKey } from '../src/index.ts';

const MINUTE = 60_000;
const at = Date.UTC(2026, 10, 27, 12);
const kitReason = (component: string, reason: string) =>
  `component ${component} of kit KIT is unknown: ${reason}`;

describe('the key of an unknown quantity reason', () => {
  it('stays the same while the same feed holds it, however old its snapshot grows', () => {
    const keys = [null, at - 40_000, at - 12 * MINUTE, at - 5 * 60 * MINUTE, at - 3 * 24 * 60 * MINUTE].map(
      (lastAppliedAt) => staleReasonKey(staleFeedReason('Warehouse CSV', lastAppliedAt, at)),
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toContain('Warehouse CSV');
  });

  it("stays the same inside a kit's reason, and tells components and feeds apart", () => {
    const warehouse = (ageMinutes: number) => staleFeedReason('Warehouse CSV', at - ageMinutes * MINUTE, at);
    const kitKey = staleReasonKey(kitReason('A', warehouse(300)));
    expect(staleReasonKey(kitReason('A', warehouse(360)))).toBe(kitKey);
    expect(staleReasonKey(warehouse(300))).not.toBe(kitKey);
    expect(staleReasonKey(kitReason('B', warehouse(300)))).not.toBe(kitKey);
    const backroom = staleFeedReason('Backroom CSV', at - 300 * MINUTE, at);
    expect(staleReasonKey(kitReason('A', backroom))).not.toBe(kitKey);
  });

  it('is the reason itself when no stale feed is in it', () => {
    const reason = 'component EMPTY of kit OUTER is unknown: kit EMPTY has no components';
    expect(staleReasonKey(reason)).toBe(reason);
  });
});
