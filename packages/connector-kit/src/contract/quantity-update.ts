import type { ListingRef } from './listing-ref.ts';
import type { RateFeedback } from './rate-feedback.ts';

/**
 * One absolute quantity to set on one channel item.
 *
 * @example
 * ```ts
 * const update: QuantityUpdate<string> = {
 *   key: 'listing:42', listingRef: 'SKU-1', sku: 'SKU-1', quantity: 7, idempotencyKey: 'listing:42:v9:7',
 * };
 * ```
 */
export interface QuantityUpdate<Ref extends ListingRef = ListingRef> {
  /** Our opaque id for the (product, channel) pair; results come back under it. */
  readonly key: string;
  /** The reference this connector produced in `lookupListings`. */
  readonly listingRef: Ref;
  readonly sku: string;
  readonly quantity: number;
  /** For compare-and-set: what we believe the channel shows now. Ignored when the channel cannot compare. */
  readonly expectedCurrent?: number;
  /** Stable across retries of the same (listing, version, quantity), so a replay is not applied twice. */
  readonly idempotencyKey: string;
}

/**
 * An opaque handle a feed-style channel gives for a result that comes later. It names one item's verdict
 * (two items never share one), and the host stores it with the attempt, so it must be a non-empty string of
 * at most `MAX_PENDING_HANDLE` characters (a feed id and the item's SKU, say).
 */
export type PendingHandle = string;

/** Longest `PendingHandle` the host stores; the kit turns a longer one into a transient failure. */
export const MAX_PENDING_HANDLE = 2000;

/** The channel applied the quantity. */
export interface OkOutcome {
  readonly status: 'ok';
  /** The quantity the channel reports after the write, when it says. */
  readonly quantity?: number;
}

/** Failed for now; the same update may succeed later. */
export interface TransientOutcome {
  readonly status: 'transient';
  readonly code: string;
  readonly message: string;
  readonly retryAfterMs?: number;
}

/** Failed for good: retrying the same update cannot succeed (auth, validation, unknown item). */
export interface PermanentOutcome {
  readonly status: 'permanent';
  readonly code: string;
  readonly message: string;
}

/** Accepted, with the verdict to be fetched later through `pollPending`. */
export interface PendingOutcome {
  readonly status: 'pending';
  readonly handle: PendingHandle;
}

/** Compare-and-set refused the write: the channel did not show `expectedCurrent`. */
export interface StaleOutcome {
  readonly status: 'stale';
  /** What the channel shows instead, when it says. */
  readonly actualQuantity?: number;
}

export type ItemOutcome = OkOutcome | TransientOutcome | PermanentOutcome | PendingOutcome | StaleOutcome;

/** The outcome for one `QuantityUpdate`, under its `key`. */
export type ItemResult = ItemOutcome & { readonly key: string };

/** Exactly one result per update key, plus what the call taught about the channel's limits. */
export interface BatchResult {
  readonly items: readonly ItemResult[];
  readonly rateFeedback?: RateFeedback;
}

/**
 * A later verdict for a `pending` result, one per handle asked. A verdict that is not ready yet comes back
 * `pending` again (with the same handle, or a new one to poll from now on).
 */
export interface PendingResolution {
  readonly handle: PendingHandle;
  readonly outcome: ItemOutcome;
}
