import { ValidationError } from '../errors.ts';
import { mergeRowErrors } from '../uploads/row-errors.ts';
import { CsvUploadError } from '../uploads/upload-errors.ts';
import { parseUploadCsv } from '../uploads/upload-format.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type FeedSnapshotItem, feedSnapshotSchema } from './feed-input.ts';

/**
 * Reads a feed snapshot from an HTTP body: JSON `{ "items": [{ "sku", "location"?, "onHand" }] }`, or CSV in
 * the upload format (`sku,quantity[,location][,mode]`, where mode may only be `set` or empty). The content
 * type decides; when it names neither (or is missing), a body starting with `{` is JSON, anything else CSV.
 * Throws a ValidationError (a CsvUploadError with lines and columns for CSV) when the body is unreadable.
 *
 * @example
 * const snapshot = await parseFeedBody(request.headers.get('content-type'), await request.text());
 * await applyFeedSnapshot(db, storeId, feedId, snapshot);
 */
export async function parseFeedBody(
  contentType: string | null | undefined,
  body: string | Uint8Array,
): Promise<{ items: FeedSnapshotItem[] }> {
  const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
  return formatOf(contentType, text) === 'json' ? parseJson(text) : parseCsv(body);
}

function formatOf(contentType: string | null | undefined, text: string): 'json' | 'csv' {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'csv';
}

function parseJson(text: string): { items: FeedSnapshotItem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ValidationError('the feed body is not valid JSON', [
      { path: [], message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  return parseInput(feedSnapshotSchema, value, 'feed snapshot');
}

async function parseCsv(body: string | Uint8Array): Promise<{ items: FeedSnapshotItem[] }> {
  // A feed states what is there: only absolute ("set") rows make sense.
  const csv = await parseUploadCsv(body, { defaultMode: 'set', modes: ['set'] });
  if (csv.errors.count > 0) {
    const { errors, count } = mergeRowErrors([csv.errors]);
    throw new CsvUploadError(errors, count);
  }
  return {
    items: csv.rows.map((r) =>
      r.location === null
        ? { sku: r.sku, onHand: r.quantity }
        : { sku: r.sku, onHand: r.quantity, location: r.location },
    ),
  };
}
