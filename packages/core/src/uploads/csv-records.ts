import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';

/** A CSV file: the whole text or bytes, or a stream / async iterable of chunks as they arrive. */
export type CsvSource = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

/**
 * Receives each non-blank record: its trimmed fields and the 1-based line it starts on.
 * Return false to stop reading (the rest of the source is not read).
 */
export type CsvRecordSink = (fields: string[], line: number) => boolean;

export interface CsvReadResult {
  /** sha256 (hex) of the bytes read, so a replayed upload can be recognised without keeping the file. */
  sha256: string;
  /** Set when the file is not valid CSV: the line and why. Records before it were delivered. */
  malformed: { line: number; message: string } | null;
  /** True when the sink asked to stop. */
  stopped: boolean;
}

// Guards against a file with the wrong delimiter becoming one giant field.
const MAX_RECORD_CHARS = 64 * 1024;
const STOP = new Error('stopped by the record sink');

/**
 * Streams a CSV source through csv-parse (RFC 4180 quoting; BOM, CRLF/LF/CR and surrounding spaces tolerated)
 * and hands every non-blank record to `onRecord` with its line number.
 *
 * Records are taken from the parser's `data` events rather than an async iterator: records parsed before a
 * malformed line are then still delivered (an iterator drops its buffer on error), and there is no promise per
 * record. Line numbers are counted here (csv-parse's per-record context costs more than the parse itself):
 * each record takes one line plus the line breaks inside its quoted fields.
 */
export async function readCsvRecords(source: CsvSource, onRecord: CsvRecordSink): Promise<CsvReadResult> {
  const lines = unquotedLines(source);
  if (lines) return readUnquoted(source as string | Uint8Array, lines, onRecord);
  const hash = createHash('sha256');
  const parser = parse({
    bom: true,
    trim: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_CHARS,
  });
  let line = 1;
  let stopped = false;
  parser.on('data', (fields: string[]) => {
    if (stopped) return;
    const start = line;
    line += 1 + lineBreaksIn(fields);
    if (isBlank(fields)) return;
    if (!onRecord(fields, start)) {
      stopped = true;
      parser.destroy(STOP);
    }
  });

  const input = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  try {
    await pipeline(Readable.from(hashing(input, hash)), parser);
  } catch (error) {
    if (stopped) return { sha256: hash.digest('hex'), malformed: null, stopped };
    if (!(error instanceof CsvError)) throw error;
    // An unclosed quote is only noticed at the end of the file; the record it opened starts where we are.
    const at = error.code === 'CSV_QUOTE_NOT_CLOSED' ? line : Number(error.lines) || line;
    return { sha256: hash.digest('hex'), malformed: { line: at, message: describe(error) }, stopped };
  }
  return { sha256: hash.digest('hex'), malformed: null, stopped };
}

const RECORD_DELIMITER = /\r\n|\n|\r/;
const QUOTE = 0x22;
const UTF16LE_BOM = [0xff, 0xfe];

/**
 * The lines of a source that needs no CSV parser: the whole file is in hand (text or bytes), it has no quote
 * character, and every line is far below the record size limit. Such a file means exactly its lines split at
 * commas, and splitting costs a fifth of csv-parse (which stays the reader for everything else). Null when
 * the fast path does not apply.
 */
function unquotedLines(source: CsvSource): string[] | null {
  let text: string;
  if (typeof source === 'string') {
    if (source.includes('"')) return null;
    text = source;
  } else if (source instanceof Uint8Array) {
    // csv-parse reads a UTF-16 file after its BOM; that stays its job.
    if (source.includes(QUOTE) || (source[0] === UTF16LE_BOM[0] && source[1] === UTF16LE_BOM[1])) return null;
    text = Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
  } else {
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(RECORD_DELIMITER);
  // The piece after the last line break is not a line ("a\n" is one record, "" is none).
  if (lines[lines.length - 1] === '') lines.pop();
  // A UTF-16 code unit takes at most 3 bytes in UTF-8, and csv-parse measures records in bytes.
  for (const line of lines) if (line.length * 3 > MAX_RECORD_CHARS) return null;
  return lines;
}

/** readCsvRecords for unquoted lines: the same records, line numbers and hash as csv-parse gives. */
function readUnquoted(source: string | Uint8Array, lines: string[], onRecord: CsvRecordSink): CsvReadResult {
  const sha256 = createHash('sha256').update(source).digest('hex');
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i]!.split(',');
    for (let f = 0; f < fields.length; f++) fields[f] = trimField(fields[f]!);
    if (isBlank(fields)) continue;
    if (!onRecord(fields, i + 1)) return { sha256, malformed: null, stopped: true };
  }
  return { sha256, malformed: null, stopped: false };
}

/**
 * csv-parse's `trim` on an unquoted field: leading spaces, tabs and form feeds (it compares bytes), trailing
 * whitespace as String.prototype.trimEnd sees it (it trims the decoded field).
 */
function trimField(field: string): string {
  let start = 0;
  while (start < field.length && isLeadingTrim(field.charCodeAt(start))) start++;
  return (start === 0 ? field : field.slice(start)).trimEnd();
}

const isLeadingTrim = (code: number) => code === 0x20 || code === 0x09 || code === 0x0c;

async function* hashing(
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)!.length;
  }
  return breaks;
}

/** An empty or whitespace-only line (or one with only empty fields, like `,,`). */
function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field !== '') return false;
  return true;
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'malformed CSV: a quoted field starting on this line is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'malformed CSV: unexpected character after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'malformed CSV: a quote inside an unquoted field (quote the whole field and double the inner quotes)';
    case 'CSV_MAX_RECORD_SIZE':
      return `malformed CSV: a line longer than ${MAX_RECORD_CHARS} characters (is the file comma-separated?)`;
    default:
      return `malformed CSV: ${error.message}`;
  }
}
