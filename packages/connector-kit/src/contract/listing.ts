import type { ListingRef } from './listing-ref.ts';

/**
 * A channel item found for a SKU. A SKU with no match is absent from the answer; a SKU listed twice on the
 * channel appears twice, and the engine decides what to do with duplicates.
 */
export interface ListingMatch<Ref extends ListingRef = ListingRef> {
  readonly sku: string;
  readonly listingRef: Ref;
  /** The quantity the channel shows, when the lookup returns it. */
  readonly quantity?: number;
}

/** One item to read back, under our opaque key. */
export interface ReadRequest<Ref extends ListingRef = ListingRef> {
  readonly key: string;
  readonly listingRef: Ref;
  readonly sku: string;
}

/** What the channel shows for one item, or why it could not be read. */
export type ReadResult =
  | { readonly key: string; readonly status: 'ok'; readonly quantity: number }
  | { readonly key: string; readonly status: 'missing' }
  | {
      readonly key: string;
      readonly status: 'transient' | 'permanent';
      readonly code: string;
      readonly message: string;
      /** How long the channel asked to be left alone (a 429's Retry-After): the host holds every call back. */
      readonly retryAfterMs?: number;
    };
