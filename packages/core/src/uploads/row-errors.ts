import type { UploadRowError } from './upload-errors.ts';

/** At most this many errors are kept (the count stays exact): enough to fix a file, small enough to return. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Errors of one checking pass, added in row order. Only the first MAX_REPORTED_ERRORS are kept, which is
 * enough to merge several passes into the overall first MAX_REPORTED_ERRORS by row.
 */
export class RowErrors {
  readonly kept: UploadRowError[] = [];
  count = 0;

  add(row: number, column: string | null, message: string): void {
    this.count += 1;
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push({ row, column, message });
  }
}

/** The first MAX_REPORTED_ERRORS errors of all passes in row order, and the total count. */
export function mergeRowErrors(passes: readonly RowErrors[]): { errors: UploadRowError[]; count: number } {
  const all = passes.flatMap((p) => p.kept);
  // Stable sort: within a row, earlier passes (format before lookups) come first.
  all.sort((a, b) => a.row - b.row);
  return {
    errors: all.slice(0, MAX_REPORTED_ERRORS),
    count: passes.reduce((n, p) => n + p.count, 0),
  };
}
