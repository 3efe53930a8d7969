import { plural } from './format.ts';

/** SKUs named in a summary; a snapshot can name thousands the store does not have. */
const SKUS_SHOWN = 5;

/** What a feed run did, in one line: `12 rows, 3 changed; unknown SKUs: A, B and 4 more`. */
export function feedRunSummary(run: {
  rowCount: number;
  changed: number;
  unknownSkus: readonly string[];
  ignoredKits?: readonly string[];
}): string {
  const parts = [`${plural(run.rowCount, 'row')}, ${plural(run.changed, 'position')} changed`];
  if (run.unknownSkus.length > 0) parts.push(`unknown SKUs (not created): ${skuList(run.unknownSkus)}`);
  if (run.ignoredKits && run.ignoredKits.length > 0)
    parts.push(`kits ignored (no stock of their own): ${skuList(run.ignoredKits)}`);
  return `${parts.join('; ')}.`;
}

export function skuList(skus: readonly string[]): string {
  const shown = skus.slice(0, SKUS_SHOWN).join(', ');
  return skus.length > SKUS_SHOWN ? `${shown} and ${skus.length - SKUS_SHOWN} more` : shown;
}
