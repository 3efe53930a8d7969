/**
 * Splits a list into chunks. Statements take at most this many rows so that the number of bound
 * parameters stays far below SQLite's (32,766) and PostgreSQL's (65,535) limits.
 */
export function chunk<T>(items: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
