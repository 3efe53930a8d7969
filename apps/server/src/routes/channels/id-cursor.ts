import { ValidationError } from '@ballast/core';

/** The opaque cursor for "rows past this id". */
export function encodeIdCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeIdCursor`; anything else is a field error on `query.cursor`. */
export function decodeIdCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  } catch {
    // fall through to the typed error
  }
  throw new ValidationError('invalid cursor', [
    { path: ['query', 'cursor'], message: 'not a cursor from this list' },
  ]);
}

/** Cuts a `limit + 1` row result into a page; the extra row only says that another page exists. */
export function pageOf<T extends { id: number }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
}
