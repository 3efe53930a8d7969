import type { Db } from '../db/connect.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { CsvSource } from './csv-records.ts';
import { planUpload, uploadStore } from './plan-upload.ts';
import { mergeRowErrors } from './row-errors.ts';
import type { UploadRowError } from './upload-errors.ts';
import { parseUploadCsv, type UploadMode } from './upload-format.ts';
import { type ValidateUploadOptions, validateUploadOptionsSchema } from './upload-options.ts';

export interface UploadPreviewRow {
  /** 1-based line number in the file. */
  row: number;
  sku: string;
  /** Location name. */
  location: string;
  mode: UploadMode;
  quantity: number;
  onHandBefore: number;
  onHandAfter: number;
}

export interface UploadValidation {
  /** True when the file can be applied as it is. */
  ok: boolean;
  /** Data rows in the file (the header and blank lines not counted). */
  rowCount: number;
  /** Problems in line order, at most 1,000 (see errorCount). */
  errors: UploadRowError[];
  errorCount: number;
  /** The first rows that would be applied and what they would do. */
  preview: UploadPreviewRow[];
}

/**
 * Dry run of a CSV upload: reads and checks every row against the store and reports each problem with
 * its line and column, plus a preview of what applying would do. Writes nothing.
 *
 * The format (README, "CSV uploads"): a required header row with columns `sku` (required), `quantity`
 * (required whole number), `mode` (`set` or `delta`, default `options.defaultMode`, itself `set`) and
 * `location` (a location name, default the store's default location); header names are trimmed and
 * case-insensitive and any other column is an error. A BOM, CRLF/LF/CR line ends and blank lines are
 * tolerated; at most 200,000 rows. Error rows are 1-based line numbers in the file (the header is line 1).
 *
 * @example
 * const check = await validateUpload(db, storeId, fs.createReadStream('stock.csv'));
 * if (!check.ok) for (const e of check.errors) console.log(`line ${e.row} ${e.column ?? ''}: ${e.message}`);
 */
export async function validateUpload(
  db: Db,
  storeId: number,
  source: CsvSource,
  options: ValidateUploadOptions = {},
): Promise<UploadValidation> {
  const opts = parseInput(validateUploadOptionsSchema, options, 'upload options');
  const store = await uploadStore(db, storeId);
  const csv = await parseUploadCsv(source, { defaultMode: opts.defaultMode, modes: ['set', 'delta'] });
  const plan = csv.unusable ? null : await planUpload(db, store, csv.rows);
  const passes = plan ? [csv.errors, plan.lookupErrors, plan.quantityErrors] : [csv.errors];
  const { errors, count } = mergeRowErrors(passes);
  return {
    ok: count === 0,
    rowCount: csv.rowCount,
    errors,
    errorCount: count,
    preview: (plan?.rows ?? []).slice(0, opts.previewLimit).map((r) => ({
      row: r.row,
      sku: r.sku,
      location: r.locationName,
      mode: r.mode,
      quantity: r.quantity,
      onHandBefore: r.onHandBefore,
      onHandAfter: r.onHandAfter,
    })),
  };
}
