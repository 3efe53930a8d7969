import { type Figure, meetsTarget } from './figure.ts';

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);

/** The JSON line for a figure: exactly the convention's keys, in its order. */
export function figureJson(figure: Figure): string {
  const { name, value, unit, target, baseline, ratio } = figure;
  return JSON.stringify({
    name,
    value: round(value),
    unit,
    target,
    ...(baseline !== undefined && { baseline: round(baseline) }),
    ...(ratio !== undefined && { ratio: round(ratio) }),
  });
}

/** A plain-text table with a met/MISSED column. */
export function figureTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'unit', 'target', 'baseline', 'ratio', 'result'];
  const rows = figures.map((f) => [
    f.name,
    String(round(f.value)),
    f.unit,
    f.target,
    f.baseline === undefined ? '' : String(round(f.baseline)),
    f.ratio === undefined ? '' : String(round(f.ratio)),
    meetsTarget(f) ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Prints figures as the convention asks: a table, or with `--json` in argv one JSON object per line. */
export function printFigures(figures: readonly Figure[], argv: readonly string[] = process.argv): void {
  if (argv.includes('--json')) {
    for (const f of figures) process.stdout.write(`${figureJson(f)}\n`);
  } else {
    process.stdout.write(`${figureTable(figures)}\n`);
  }
}
