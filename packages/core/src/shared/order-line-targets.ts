import { type FieldIssue, ValidationError } from '../errors.ts';
import type { LineTarget } from '../validation/order-fields.ts';

export interface TargetedLine<L> {
  line: L;
  quantity: number;
  /** Index of the request line, for error paths. */
  index: number;
}

/**
 * Matches request lines (`{ lineId }` or `{ sku }`) to an order's lines. A SKU must name exactly one line of
 * the order; a line may be named once per request. All problems are reported together with their paths.
 */
export function resolveLineTargets<L extends { id: number; sku: string }>(
  lines: readonly L[],
  targets: readonly LineTarget[],
  what: string,
): TargetedLine<L>[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  const resolved: TargetedLine<L>[] = [];
  targets.forEach((target, index) => {
    const line = findLine(lines, target, index, issues);
    if (!line) return;
    if (seen.has(line.id)) {
      issues.push({ path: ['lines', index], message: `line ${line.id} is listed twice` });
      return;
    }
    seen.add(line.id);
    resolved.push({ line, quantity: target.quantity, index });
  });
  if (issues.length > 0) throw new ValidationError(`invalid ${what}`, issues);
  return resolved;
}

function findLine<L extends { id: number; sku: string }>(
  lines: readonly L[],
  target: LineTarget,
  index: number,
  issues: FieldIssue[],
): L | undefined {
  if (target.lineId !== undefined) {
    const line = lines.find((l) => l.id === target.lineId);
    if (!line) issues.push({ path: ['lines', index, 'lineId'], message: 'not a line of this order' });
    else if (target.sku !== undefined && target.sku !== line.sku)
      issues.push({
        path: ['lines', index, 'sku'],
        message: `line ${line.id} is ${line.sku}, not ${target.sku}`,
      });
    return line;
  }
  const matches = lines.filter((l) => l.sku === target.sku);
  if (matches.length === 1) return matches[0];
  issues.push({
    path: ['lines', index, 'sku'],
    message:
      matches.length === 0
        ? `SKU "${target.sku}" is not on this order`
        : `SKU "${target.sku}" is on several lines; give lineId`,
  });
  return undefined;
}
