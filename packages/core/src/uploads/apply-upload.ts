import type { Db } from '../db/connect.ts';
import { InsufficientStockError } from '../errors.ts';
import { idempotencyKeyOf } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { type MovementInput, recordMovements } from '../ledger/record-movements.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { CsvSource } from './csv-records.ts';
import { planUpload, uploadStore } from './plan-upload.ts';
import { mergeRowErrors, type RowErrors } from './row-errors.ts';
import { CsvUploadError } from './upload-errors.ts';
import { parseUploadCsv } from './upload-format.ts';
import { type ApplyUploadOptions, applyUploadOptionsSchema } from './upload-options.ts';

export interface AppliedUpload {
  uploadId: number;
  filename: string;
  rowCount: number;
  /** Rows that changed on hand (one movement each). */
  changed: number;
  /** Rows that left on hand as it was (a "set" to the current value, or a zero delta). */
  unchanged: number;
  createdAt: number;
}

/**
 * Applies a CSV upload all-or-nothing: every row is checked first (as validateUpload does) and any problem
 * throws a CsvUploadError listing them all, with nothing written. Otherwise, in one transaction, records the
 * upload and moves stock through the ledger (cause `upload`, ref = upload id): "set" rows move by the
 * difference from the on hand read inside the transaction; rows that change nothing write no movement.
 *
 * @example
 * const done = await applyUpload(db, storeId, csvText, { filename: 'stock.csv', idempotencyKey: requestId });
 */
export async function applyUpload(
  db: Db,
  storeId: number,
  source: CsvSource,
  options: ApplyUploadOptions,
): Promise<AppliedUpload> {
  const opts = parseInput(applyUploadOptionsSchema, options, 'upload options');
  const key = idempotencyKeyOf(options);
  const store = await uploadStore(db, storeId);
  // Read the file before the transaction opens: a slow upload must not hold the database's write lock.
  const csv = await parseUploadCsv(source, { defaultMode: opts.defaultMode, modes: ['set', 'delta'] });
  if (csv.errors.count > 0) {
    // The file is refused either way; checking its other rows too lets the merchant fix everything at once.
    const plan = csv.unusable ? null : await planUpload(db, store, csv.rows);
    throw rowError(plan ? [csv.errors, plan.lookupErrors, plan.quantityErrors] : [csv.errors]);
  }

  const request = { filename: opts.filename, sha256: csv.sha256, defaultMode: opts.defaultMode };
  return runIdempotent(db, { storeId, key, operation: 'uploads.apply', request }, async (trx) => {
    const plan = await planUpload(trx, store, csv.rows, { lock: true });
    if (plan.lookupErrors.count + plan.quantityErrors.count > 0)
      throw rowError([plan.lookupErrors, plan.quantityErrors]);

    const createdAt = now();
    const upload = await trx
      .insertInto('uploads')
      .values({ storeId, filename: opts.filename, rowCount: csv.rowCount, createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const movements: MovementInput[] = [];
    for (const r of plan.rows) {
      const delta = r.onHandAfter - r.onHandBefore;
      if (delta !== 0)
        movements.push({ productId: r.productId, locationId: r.locationId, bucket: 'on_hand', delta });
    }
    try {
      await recordMovements(trx, {
        storeId,
        cause: { type: 'upload', ref: String(upload.id) },
        movements,
        idempotencyKey: key ?? null,
        positions: false,
      });
    } catch (error) {
      // Only reachable when another transaction moved stock since the check (PostgreSQL): report it per row.
      if (error instanceof InsufficientStockError) {
        const row = plan.rows.find((r) => r.sku === error.sku && r.locationId === error.locationId);
        throw new CsvUploadError([{ row: row?.row ?? 0, column: 'quantity', message: error.message }]);
      }
      throw error;
    }
    return {
      uploadId: upload.id,
      filename: opts.filename,
      rowCount: csv.rowCount,
      changed: movements.length,
      unchanged: plan.rows.length - movements.length,
      createdAt,
    };
  });
}

function rowError(passes: RowErrors[]): CsvUploadError {
  const { errors, count } = mergeRowErrors(passes);
  return new CsvUploadError(errors, count);
}
