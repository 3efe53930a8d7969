import { createHash } from 'node:crypto';
import type { QuantityUpdate } from '@ballast/connector-kit';
import type { ShopifyListingRef } from '../listing-ref.ts';

/** Fingerprints whose key was retired, kept so a process does not grow without bound. */
const MAX_RETIRED = 1_000;

/**
 * The `@idempotent` key of a batch: one per logical batch, derived from what the batch says, so a retry of
 * the same batch (after a timeout, a reset, a 5xx) reuses it and Shopify answers it without applying twice.
 *
 * It covers the items' idempotency keys (listing, version, quantity) and also what each entry compares
 * against: after a stale answer the engine re-reads and retries the same version with a new expectation,
 * and that retry must be a new write, not a replay of the stale verdict (nor, with the same key and a new
 * input, an `IDEMPOTENCY_KEY_PARAMETER_MISMATCH`).
 *
 * A key Shopify refuses for good (`IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED`, `..._PARAMETER_MISMATCH`) is
 * retired: the next attempt of the same batch gets a fresh key. Nothing was applied under it, so a fresh
 * key cannot double-apply.
 */
export class BatchKeys {
  readonly #generations = new Map<string, number>();
  readonly #fingerprintOfKey = new Map<string, string>();

  keyFor(updates: readonly QuantityUpdate<ShopifyListingRef>[]): string {
    const fingerprint = fingerprintOf(updates);
    const key = uuidFrom(`${fingerprint}:${this.#generations.get(fingerprint) ?? 0}`);
    this.#fingerprintOfKey.set(key, fingerprint);
    if (this.#fingerprintOfKey.size > MAX_RETIRED) this.#evictOldest(this.#fingerprintOfKey);
    return key;
  }

  /** Gives the batch this key was made for a fresh key from now on. */
  retire(key: string): void {
    const fingerprint = this.#fingerprintOfKey.get(key);
    if (fingerprint === undefined) return;
    this.#generations.set(fingerprint, (this.#generations.get(fingerprint) ?? 0) + 1);
    if (this.#generations.size > MAX_RETIRED) this.#evictOldest(this.#generations);
  }

  #evictOldest(map: Map<string, unknown>): void {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

function fingerprintOf(updates: readonly QuantityUpdate<ShopifyListingRef>[]): string {
  const canonical = updates.map((u) => [
    u.idempotencyKey,
    u.listingRef.inventoryItemId,
    u.listingRef.locationId,
    u.quantity,
    u.expectedCurrent ?? null,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** A UUID (version 8: vendor-defined, here SHA-256 based) from a string, as Shopify asks keys to be. */
export function uuidFrom(text: string): string {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
