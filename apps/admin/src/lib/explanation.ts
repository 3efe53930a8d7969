import type { AppliedRule, BalanceExplanation } from '../api/types.ts';

const RULE_SOURCES: Record<AppliedRule['source'], string> = {
  listing: 'Listing rule',
  product: 'Product rule',
  channel: 'Channel rule',
  store: 'Store default rule',
  none: 'No rule',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isIntOrNull = (value: unknown) => value === null || Number.isInteger(value);

/**
 * A Sync History explanation as the admin renders it. History stores it as plain JSON (older rows may predate
 * a field), so it is checked here rather than trusted: anything unexpected is shown raw instead.
 */
export function readExplanation(value: unknown): BalanceExplanation | undefined {
  if (!isRecord(value) || !isRecord(value.inputs) || !isRecord(value.rule)) return undefined;
  const { inputs, rule, steps } = value;
  if (!Array.isArray(steps) || !steps.every((s) => typeof s === 'string')) return undefined;
  if (!isIntOrNull(inputs.onHand) || !isIntOrNull(inputs.committed) || !isIntOrNull(inputs.available)) {
    return undefined;
  }
  if (typeof rule.source !== 'string' || !(rule.source in RULE_SOURCES)) return undefined;
  return value as unknown as BalanceExplanation;
}

/** “Store default rule: keep 2 back, 80% of available, at most 50, 0 when available ≤ 3”. */
export function describeRule(rule: AppliedRule): string {
  const parts: string[] = [];
  if (rule.percent !== 100) parts.push(`${rule.percent}% of available`);
  if (rule.buffer !== 0) parts.push(`keep ${rule.buffer} back`);
  if (rule.maxQuantity !== null) parts.push(`at most ${rule.maxQuantity}`);
  if (rule.endWhen !== null) parts.push(`0 when available ≤ ${rule.endWhen}`);
  const label = RULE_SOURCES[rule.source];
  if (parts.length === 0) return `${label}: the available quantity as is`;
  return `${label}: ${parts.join(', ')}`;
}

/** The stock the number started from, as label/value pairs (null reads “unknown”). */
export function describeInputs(
  explanation: BalanceExplanation,
  locationName: (id: number) => string | undefined = () => undefined,
): { label: string; value: string }[] {
  const { inputs } = explanation;
  const show = (value: number | null) => (value === null ? 'unknown' : String(value));
  const rows = [
    { label: 'On hand', value: show(inputs.onHand) },
    { label: 'Committed', value: show(inputs.committed) },
    { label: 'Available', value: show(inputs.available) },
  ];
  if (inputs.components && inputs.components.length > 0) {
    rows[0] = { label: 'On hand', value: 'kit (no stock of its own)' };
    rows.splice(1, 1);
    for (const c of inputs.components) {
      const yields = c.yields === null ? 'unknown' : String(c.yields);
      rows.push({
        label: `Component ${c.sku}`,
        value: `${show(c.available)} available ÷ ${c.perKit} per kit = ${yields} kits`,
      });
    }
  }
  rows.push({
    label: 'Locations counted',
    value:
      inputs.locations.length === 0
        ? 'none'
        : inputs.locations.map((id) => locationName(id) ?? `#${id}`).join(', '),
  });
  return rows;
}
