/**
 * Shopify Admin API versions are quarterly (`2026-01`, `2026-04`, ...). What the connector sends depends on
 * the version, so the comparisons live here and nowhere else.
 */

/** Quarterly version names, from the oldest this connector speaks (2025-01, the schema we validate against). */
export const API_VERSION_PATTERN = /^20\d\d-(01|04|07|10)$/;

/** The oldest version the connector's requests are written for. */
export const OLDEST_API_VERSION = '2025-01';

/**
 * The default: the newest version whose inventory semantics the facts file documents (`changeFromQuantity`
 * required on every entry, `@idempotent` keys). Later versions are accepted and spoken the same way.
 */
export const DEFAULT_API_VERSION = '2026-04';

/**
 * How compare-and-set is spelled:
 * - `compare-quantity` (up to 2025-10): per-entry `compareQuantity`, opted out for a whole call with
 *   `ignoreCompareQuantity: true`; stale is `COMPARE_QUANTITY_STALE`; no idempotency directive.
 * - `change-from` (2026-01 on): per-entry `changeFromQuantity` (explicit `null` opts out), stale is
 *   `CHANGE_FROM_QUANTITY_STALE`, and mutations take `@idempotent(key:)`.
 */
export type CompareEra = 'compare-quantity' | 'change-from';

/** Version strings of this form sort as dates. */
export function isAtLeast(version: string, than: string): boolean {
  return version >= than;
}

export function compareEraOf(version: string): CompareEra {
  return isAtLeast(version, '2026-01') ? 'change-from' : 'compare-quantity';
}

/** `@idempotent(key:)` exists from 2026-01 (and is mandatory for inventory mutations from 2026-04). */
export function supportsIdempotency(version: string): boolean {
  return compareEraOf(version) === 'change-from';
}
