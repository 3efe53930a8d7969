// Runs every bench/*.bench.ts in this package in turn; each exports `run(): Promise<Figure[]>`.
import { readdirSync } from 'node:fs';
import { type Figure, printFigures } from '@ballast/bench';

const dir = new URL('./', import.meta.url);
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
const figures: Figure[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(new URL(file, dir).href)) as { run(): Promise<Figure[]> };
  figures.push(...(await mod.run()));
}
printFigures(figures);
