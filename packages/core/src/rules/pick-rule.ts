import type { RuleScope } from '../db/schema.ts';
import { type AppliedRule, NEUTRAL_RULE } from './sync-rule-values.ts';

/** A stored rule's knobs as written: null = the field was not set. */
export interface RuleFields {
  id: number;
  buffer: number | null;
  percent: number | null;
  maxQuantity: number | null;
  endWhen: number | null;
}

/** The rules that may apply to one (product, channel) pair, at most one per scope. */
export interface RuleCandidates {
  listing?: RuleFields | undefined;
  product?: RuleFields | undefined;
  channel?: RuleFields | undefined;
  store?: RuleFields | undefined;
}

const PRECEDENCE: readonly RuleScope[] = ['listing', 'product', 'channel', 'store'];

/**
 * Precedence listing > product > channel > store: the most specific rule that exists wins as a whole.
 * Fields it leaves null take the neutral defaults; they are not inherited from less specific rules, so a
 * product rule with only a buffer really means "no cap" even when the store rule has one.
 */
export function pickRule(candidates: RuleCandidates): AppliedRule {
  for (const scope of PRECEDENCE) {
    const rule = candidates[scope];
    if (!rule) continue;
    return {
      source: scope,
      id: rule.id,
      buffer: rule.buffer ?? NEUTRAL_RULE.buffer,
      percent: rule.percent ?? NEUTRAL_RULE.percent,
      maxQuantity: rule.maxQuantity ?? NEUTRAL_RULE.maxQuantity,
      endWhen: rule.endWhen ?? NEUTRAL_RULE.endWhen,
    };
  }
  return { source: 'none', ...NEUTRAL_RULE };
}
