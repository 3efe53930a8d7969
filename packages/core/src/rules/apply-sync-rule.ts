import type { SyncRuleValues } from './sync-rule-values.ts';

export interface SyncRuleResult {
  /** What the channel should show: never negative. */
  quantity: number;
  /** Human-readable trace of the computation, e.g. `floor(12 × 50%) = 6`. */
  steps: string[];
}

/**
 * The rule math, without a database:
 * `if available <= endWhen -> 0; else q = floor(available * percent/100) - buffer; q = min(q, maxQuantity);
 * q = max(q, 0)`. Steps name only the knobs that do something (a 100% share or a 0 buffer add no step),
 * plus the final floor, which is always shown.
 *
 * @example
 * applySyncRule(12, { buffer: 1, percent: 50, maxQuantity: 100, endWhen: 2 });
 * // { quantity: 5, steps: ['available 12', 'available 12 > end-when 2', 'floor(12 × 50%) = 6',
 * //   '6 − buffer 1 = 5', 'min(5, max 100) = 5', 'floor at 0 → 5'] }
 */
export function applySyncRule(available: number, rule: SyncRuleValues): SyncRuleResult {
  const steps = [`available ${available}`];
  if (rule.endWhen !== null) {
    if (available <= rule.endWhen) {
      steps.push(`available ${available} ≤ end-when ${rule.endWhen} → 0`);
      return { quantity: 0, steps };
    }
    steps.push(`available ${available} > end-when ${rule.endWhen}`);
  }
  let q = available;
  if (rule.percent !== 100) {
    // Integer product first, so the division is the only rounding.
    const share = Math.floor((q * rule.percent) / 100);
    steps.push(`floor(${q} × ${rule.percent}%) = ${share}`);
    q = share;
  }
  if (rule.buffer !== 0) {
    steps.push(`${q} − buffer ${rule.buffer} = ${q - rule.buffer}`);
    q -= rule.buffer;
  }
  if (rule.maxQuantity !== null) {
    const capped = Math.min(q, rule.maxQuantity);
    steps.push(`min(${q}, max ${rule.maxQuantity}) = ${capped}`);
    q = capped;
  }
  const quantity = Math.max(q, 0);
  steps.push(`floor at 0 → ${quantity}`);
  return { quantity, steps };
}
