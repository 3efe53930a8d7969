import { dayStart } from './history-query.ts';

/** The adjustment history filters as they live in the URL. Dates are local calendar days (`2024-06-10`). */
export interface AdjustmentQuery {
  sku: string;
  fromDay: string;
  toDay: string;
}

type Params = Partial<Record<string, string | string[]>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAdjustmentQuery(params: Params): AdjustmentQuery {
  const fromDay = first(params.from) ?? '';
  const toDay = first(params.to) ?? '';
  return {
    sku: (first(params.sku) ?? '').trim(),
    fromDay: DAY.test(fromDay) ? fromDay : '',
    toDay: DAY.test(toDay) ? toDay : '',
  };
}

export function adjustmentQueryParams(query: AdjustmentQuery): Record<string, string | undefined> {
  return { sku: query.sku || undefined, from: query.fromDay || undefined, to: query.toDay || undefined };
}

/** Local midnight after a `YYYY-MM-DD` day (a DST day is not 24 hours long). */
function dayEnd(day: string): number {
  const start = new Date(dayStart(day));
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1).getTime();
}

/** The list route's query: the “to” day is inclusive for the merchant, so the range ends at the next midnight. */
export function adjustmentApiQuery(query: AdjustmentQuery): { sku?: string; from?: string; to?: string } {
  return {
    ...(query.sku && { sku: query.sku }),
    ...(query.fromDay && { from: String(dayStart(query.fromDay)) }),
    ...(query.toDay && { to: String(dayEnd(query.toDay)) }),
  };
}

/** A line's change as the merchant asked for it: `Set to 12`, `+3`, `−2`. */
export function describeLineChange(line: { mode: 'set' | 'delta'; quantity: number }): string {
  if (line.mode === 'set') return `Set to ${line.quantity}`;
  return line.quantity < 0 ? `−${-line.quantity}` : `+${line.quantity}`;
}
