import { applySyncRule } from '../rules/apply-sync-rule.ts';
import type { AppliedRule } from '../rules/sync-rule-values.ts';
import type { Availability } from './kit-availability.ts';
import type { BalanceInputs, SyncableBalance } from './syncable-balance.ts';

/** Turns an availability and the winning rule into the syncable balance with its explanation. */
export function explainBalance(
  availability: Availability,
  locations: readonly number[],
  rule: AppliedRule,
): SyncableBalance {
  const inputs: BalanceInputs = {
    onHand: availability.onHand,
    committed: availability.committed,
    available: availability.available,
    locations: [...locations],
    ...(availability.components && { components: availability.components }),
  };
  const kitSteps = availability.components ? [kitStep(availability)] : [];
  if (availability.available === null) {
    const reason = availability.unknownReason ?? 'available is unknown';
    return {
      quantity: null,
      unknownReason: reason,
      explanation: { inputs, rule, steps: [...kitSteps, `unknown: ${reason} → push held`] },
    };
  }
  const { quantity, steps } = applySyncRule(availability.available, rule);
  return { quantity, explanation: { inputs, rule, steps: [...kitSteps, ...steps] } };
}

function kitStep(availability: Availability): string {
  const parts = (availability.components ?? []).map((c) =>
    c.available === null
      ? `${c.sku}: unknown`
      : `${c.sku}: floor(${c.available} / ${c.perKit}) = ${c.yields}`,
  );
  const result = availability.available === null ? 'unknown' : String(availability.available);
  return `kit available = min(${parts.join(', ')}) = ${result}`;
}
