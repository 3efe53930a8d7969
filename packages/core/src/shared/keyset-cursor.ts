import { ValidationError } from '../errors.ts';

/** One page of a newest-first list; pass `nextCursor` back to get the next page (null = no more). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The opaque cursor for "rows older than this id". */
export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeCursor`; anything else is a ValidationError on `cursor`. */
export function decodeCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  } catch {
    // fall through to the typed error
  }
  throw new ValidationError('invalid cursor', [{ path: ['cursor'], message: 'not a cursor from this list' }]);
}

/** Cuts a `limit + 1` row result into a page: the extra row only says that another page exists. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null };
}
