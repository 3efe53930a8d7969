/**
 * One benchmark result. `target` is a comparison such as ">= 5000" or "< 5" applied to `value`
 * (or to `ratio`, when the figure is a ratio to a baseline measured in the same run).
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  /** The reference measured in the same process (same unit as value). */
  baseline?: number;
  /** value / baseline, or whichever way round the figure's name says. */
  ratio?: number;
}

const comparison = /^\s*(>=|<=|>|<|==)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Whether a figure meets its target; the checked number is the value, or the ratio when the unit is "ratio". */
export function meetsTarget(figure: Figure): boolean {
  const match = comparison.exec(figure.target);
  if (!match) throw new Error(`unreadable target "${figure.target}" for ${figure.name}`);
  const [, op, limitText] = match;
  const limit = Number(limitText);
  const checked = figure.unit === 'ratio' && figure.ratio !== undefined ? figure.ratio : figure.value;
  switch (op) {
    case '>=':
      return checked >= limit;
    case '<=':
      return checked <= limit;
    case '>':
      return checked > limit;
    case '<':
      return checked < limit;
    default:
      return checked === limit;
  }
}
