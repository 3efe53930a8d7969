import type { ListingRow, SyncDirtyRow } from '@ballast/core';

/** What the engine decided for one claimed pair before talking to the channel. */
export type PairPlan =
  | {
      kind: 'push';
      dirty: SyncDirtyRow;
      listing: ListingRow;
      sku: string;
      quantity: number;
      explanation: unknown;
    }
  | {
      kind: 'skip';
      dirty: SyncDirtyRow;
      listing: ListingRow | undefined;
      quantity: number | null;
      explanation: unknown;
      code: 'unchanged' | 'not_listed' | 'unknown_quantity' | 'auto_sync_off';
      message: string;
      /** not_listed known from an earlier lookup (when it was made), not from one this round. */
      notListedSince?: number;
    };

export interface PlanInput {
  dirty: SyncDirtyRow;
  listing: ListingRow | undefined;
  sku: string;
  autoSync: boolean;
  balance: { quantity: number | null; unknownReason?: string; explanation: unknown } | undefined;
  /** When a recent lookup did not find the SKU on the channel (it was not looked up this round). */
  notListedSince?: number | undefined;
}

/**
 * Decides push or skip for a pair. The value is the balance computed now (never an earlier one). A channel that
 * already shows the value is skipped unless the mark was forced (Auto Sync just turned on, drift repair).
 */
export function planPair({ dirty, listing, sku, autoSync, balance, notListedSince }: PlanInput): PairPlan {
  const explanation = balance?.explanation ?? null;
  const quantity = balance?.quantity ?? null;
  if (!autoSync) {
    return {
      kind: 'skip',
      dirty,
      listing,
      quantity,
      explanation,
      code: 'auto_sync_off',
      message: 'Auto Sync was turned off',
    };
  }
  if (!listing || listing.channelRef === null) {
    if (notListedSince !== undefined) {
      const message = `not listed on the channel (looked up ${formatUtc(notListedSince)})`;
      return {
        kind: 'skip',
        dirty,
        listing,
        quantity,
        explanation,
        code: 'not_listed',
        message,
        notListedSince,
      };
    }
    const message = `no item with SKU ${sku} was found on this channel`;
    return { kind: 'skip', dirty, listing, quantity, explanation, code: 'not_listed', message };
  }
  if (quantity === null) {
    // Unknown is not zero: holding the push beats telling a channel it is sold out when we cannot know.
    const message = balance?.unknownReason ?? 'the quantity cannot be known';
    return { kind: 'skip', dirty, listing, quantity, explanation, code: 'unknown_quantity', message };
  }
  const channelShows = listing.channelQuantity ?? listing.lastPushedQuantity;
  if (dirty.force !== 1 && channelShows === quantity) {
    const message = `the channel already shows ${quantity}`;
    return { kind: 'skip', dirty, listing, quantity, explanation, code: 'unchanged', message };
  }
  return { kind: 'push', dirty, listing, sku, quantity, explanation };
}

/** Deterministic per (listing, change token, quantity): a retry reuses it, a 5 -> 6 -> 5 swing does not. */
export function idempotencyKeyFor(listingId: number, seq: number, quantity: number): string {
  return `ballast:${listingId}:${seq}:${quantity}`;
}

/** `2025-05-01 10:02 UTC`: a merchant reads it in Sync History, whatever the server's time zone. */
function formatUtc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
