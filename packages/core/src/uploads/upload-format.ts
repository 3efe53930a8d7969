import { type CsvSource, readCsvRecords } from './csv-records.ts';
import { RowErrors } from './row-errors.ts';

export type UploadMode = 'set' | 'delta';

/** One data row that is well-formed on its own (lookups against the store come later). */
export interface UploadRow {
  /** 1-based line number in the file. */
  row: number;
  sku: string;
  quantity: number;
  mode: UploadMode;
  /** Location name as written; null means the store's default location. */
  location: string | null;
}

export interface ParsedUploadCsv {
  rows: UploadRow[];
  /** Data rows in the file (well-formed or not). */
  rowCount: number;
  errors: RowErrors;
  /** The file cannot be checked against the store (no usable header, or too many rows). */
  unusable: boolean;
  /** sha256 of the file's bytes. */
  sha256: string;
}

export interface UploadFormatOptions {
  defaultMode: UploadMode;
  /** Modes a row may name (feeds only take `set`). */
  modes: readonly UploadMode[];
}

export const UPLOAD_COLUMNS = ['sku', 'quantity', 'mode', 'location'] as const;
export type UploadColumn = (typeof UPLOAD_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly UploadColumn[] = ['sku', 'quantity'];

/** Files with more data rows than this are refused: split them. */
export const MAX_UPLOAD_ROWS = 200_000;
/** Largest quantity a row may name, either sign. */
export const MAX_QUANTITY = 1_000_000_000;

const INTEGER = /^[+-]?\d+$/;

/**
 * Reads an upload CSV and checks everything that does not need the database: the header, the number of
 * fields on each line, and each value's form. Every problem is reported with its line and column.
 */
export async function parseUploadCsv(
  source: CsvSource,
  options: UploadFormatOptions,
): Promise<ParsedUploadCsv> {
  const errors = new RowErrors();
  const rows: UploadRow[] = [];
  let header: Header | null = null;
  let headerLine = 0;
  let rowCount = 0;
  let unusable = false;

  const read = await readCsvRecords(source, (fields, line) => {
    if (header === null) {
      headerLine = line;
      header = readHeader(fields, line, errors);
      unusable = header.sku < 0 || header.quantity < 0;
      return !unusable;
    }
    rowCount += 1;
    if (rowCount > MAX_UPLOAD_ROWS) {
      errors.add(line, null, `the file has more than ${MAX_UPLOAD_ROWS} rows; split it into smaller files`);
      unusable = true;
      return false;
    }
    const row = readRow(fields, line, header, options, errors);
    if (row) rows.push(row);
    return true;
  });

  if (read.malformed) errors.add(read.malformed.line, null, read.malformed.message);
  else if (header === null) {
    errors.add(1, null, `the file is empty; the first line must be a header: ${UPLOAD_COLUMNS.join(',')}`);
    unusable = true;
  } else if (rowCount === 0 && !unusable) {
    errors.add(headerLine, null, 'the file has a header but no rows');
  }
  return { rows, rowCount, errors, unusable: unusable || header === null, sha256: read.sha256 };
}

/** Field index of each known column (-1 when absent), and how many fields a row must have. */
interface Header {
  sku: number;
  quantity: number;
  mode: number;
  location: number;
  width: number;
}

function readHeader(fields: string[], line: number, errors: RowErrors): Header {
  const header: Header = { sku: -1, quantity: -1, mode: -1, location: -1, width: fields.length };
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      errors.add(line, null, `column ${index + 1} of the header has no name`);
    } else if (!isUploadColumn(name)) {
      errors.add(line, raw.trim(), `unknown column "${raw.trim()}"; allowed: ${UPLOAD_COLUMNS.join(', ')}`);
    } else if (header[name] >= 0) {
      errors.add(line, name, `column "${name}" appears more than once`);
    } else {
      header[name] = index;
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (header[name] < 0) errors.add(line, name, `missing required column "${name}"`);
  }
  return header;
}

function isUploadColumn(name: string): name is UploadColumn {
  return (UPLOAD_COLUMNS as readonly string[]).includes(name);
}

function readRow(
  fields: string[],
  line: number,
  header: Header,
  options: UploadFormatOptions,
  errors: RowErrors,
): UploadRow | null {
  if (fields.length !== header.width) {
    errors.add(line, null, `expected ${header.width} fields like the header, found ${fields.length}`);
    return null;
  }
  const before = errors.count;
  const sku = fields[header.sku]!;
  if (sku === '') errors.add(line, 'sku', 'SKU is required');

  const quantityText = fields[header.quantity]!;
  let quantity = 0;
  if (quantityText === '') errors.add(line, 'quantity', 'quantity is required');
  else if (!INTEGER.test(quantityText))
    errors.add(line, 'quantity', `"${quantityText}" is not a whole number`);
  else {
    quantity = Number(quantityText);
    if (Math.abs(quantity) > MAX_QUANTITY)
      errors.add(line, 'quantity', `must be between -${MAX_QUANTITY} and ${MAX_QUANTITY}`);
  }

  let mode: UploadMode | null = options.defaultMode;
  const modeText = header.mode < 0 ? '' : fields[header.mode]!.toLowerCase();
  if (modeText !== '') mode = modeText === 'set' || modeText === 'delta' ? modeText : null;
  if (mode === null || !options.modes.includes(mode)) {
    const allowed = options.modes.map((m) => `"${m}"`).join(' or ');
    errors.add(line, 'mode', `mode "${fields[header.mode] ?? mode}" is not allowed; use ${allowed}`);
  } else if (mode === 'set' && quantity < 0) {
    errors.add(line, 'quantity', 'cannot set a negative quantity; use mode "delta" to subtract');
  }

  if (errors.count > before || mode === null) return null;
  const location = header.location < 0 ? '' : fields[header.location]!;
  return { row: line, sku, quantity, mode, location: location === '' ? null : location };
}
