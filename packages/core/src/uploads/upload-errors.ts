import { ValidationError } from '../errors.ts';

/** One thing wrong with an uploaded CSV file. */
export interface UploadRowError {
  /** 1-based line number in the file; the header is line 1. */
  row: number;
  /** The column the problem is in (`sku`, `quantity`, `mode`, `location`, or an unknown header), or null for the whole line. */
  column: string | null;
  message: string;
}

/**
 * An upload was refused: every row was checked and these are the problems found. Nothing was written.
 * `issues` carries the same errors as field issues with paths `['rows', row, column]`.
 */
export class CsvUploadError extends ValidationError {
  readonly rowErrors: UploadRowError[];
  /** Total number of errors found; `rowErrors` may be capped. */
  readonly errorCount: number;

  constructor(rowErrors: UploadRowError[], errorCount = rowErrors.length) {
    super(
      `the file has ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}; nothing was applied`,
      rowErrors.map((e) => ({
        path: e.column === null ? ['rows', e.row] : ['rows', e.row, e.column],
        message: e.message,
        row: e.row,
        ...(e.column !== null && { column: e.column }),
      })),
    );
    this.name = 'CsvUploadError';
    this.rowErrors = rowErrors;
    this.errorCount = errorCount;
  }
}
