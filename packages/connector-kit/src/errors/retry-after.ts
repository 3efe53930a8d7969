/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`, decimals tolerated) or an HTTP date. Returns
 * milliseconds from `now`, never negative; `undefined` when absent or unreadable.
 *
 * Seconds, not milliseconds: some clients (Shopify's own) read it as ms, which retries 1000x too early.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only a real HTTP date: Date.parse also accepts bare numbers like "-1" or "12", which are not dates.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
