import type { ChannelError } from '@ballast/connector-kit';
import type { ChannelStatus, ListingRow, SyncDirtyRow } from '@ballast/core';

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
      code:
        | 'unchanged'
        | 'not_listed'
        | 'unknown_quantity'
        | 'auto_sync_off'
        | 'channel_inactive'
        | 'unlinked';
      message: string;
      /** not_listed known from an earlier lookup (when it was made), not from one this round. */
      notListedSince?: number;
    }
  | {
      /** The pair cannot be linked this round: a failed lookup (retried when `retryable`), an ambiguous SKU. */
      kind: 'fail';
      dirty: SyncDirtyRow;
      listing: ListingRow | undefined;
      quantity: number | null;
      explanation: unknown;
      retryable: boolean;
      code: string;
      message: string;
      retryAfterMs?: number;
    };

/** Why a product could not be linked this round, from `ensureListings`. */
export type PushPlan = Extract<PairPlan, { kind: 'push' }>;
export type SkipPlan = Extract<PairPlan, { kind: 'skip' }>;
export type FailPlan = Extract<PairPlan, { kind: 'fail' }>;

export interface LinkProblem {
  retryable: boolean;
  code: string;
  message: string;
  retryAfterMs?: number | undefined;
}

export interface PlanInput {
  dirty: SyncDirtyRow;
  listing: ListingRow | undefined;
  sku: string;
  /** The channel's status when planning; only an active channel is pushed to. */
  channelStatus: ChannelStatus;
  autoSync: boolean;
  balance: { quantity: number | null; unknownReason?: string; explanation: unknown } | undefined;
  /** When a recent lookup did not find the SKU on the channel (it was not looked up this round). */
  notListedSince?: number | undefined;
  /** The lookup of the SKU failed this round, or found it on several channel items. */
  linkProblem?: LinkProblem | undefined;
  /**
   * The pair was linked when the round first planned it (this plan is made again after a rate-limit wait): a
   * listing without a channel item now was unlinked, not looked up.
   */
  wasLinked?: boolean | undefined;
}

/**
 * Decides push or skip for a pair. The value is the balance computed now (never an earlier one). A channel that
 * already shows the value is skipped unless the mark was forced (Auto Sync just turned on, drift repair).
 */
export function planPair({
  dirty,
  listing,
  sku,
  channelStatus,
  autoSync,
  balance,
  notListedSince,
  linkProblem,
  wasLinked,
}: PlanInput): PairPlan {
  const explanation = balance?.explanation ?? null;
  const quantity = balance?.quantity ?? null;
  if (channelStatus !== 'active') {
    const message = `the channel was ${channelStatus}`;
    return { kind: 'skip', dirty, listing, quantity, explanation, code: 'channel_inactive', message };
  }
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
    if (wasLinked) {
      const message = 'the listing was unlinked from its channel item';
      return { kind: 'skip', dirty, listing, quantity, explanation, code: 'unlinked', message };
    }
    if (linkProblem) {
      const { retryAfterMs, ...problem } = linkProblem;
      return {
        kind: 'fail',
        dirty,
        listing,
        quantity,
        explanation,
        ...problem,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      };
    }
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

/** A failed lookup call: no verdict on the SKU, so the pair fails (transient or for good) with the channel's error. */
export function lookupFailureProblem(sku: string, error: ChannelError): LinkProblem {
  return {
    retryable: error.retryable,
    code: error.code,
    message: `looking up SKU ${sku} on the channel failed: ${error.message}`,
    retryAfterMs: error.retryAfterMs,
  };
}

/** The merchant has to remove the duplicate on the channel or link the item by hand: retrying cannot choose. */
export function ambiguousSkuProblem(sku: string): LinkProblem {
  return {
    retryable: false,
    code: 'ambiguous_sku',
    message: `SKU ${sku} matches several items on this channel; remove the duplicates there or link the item manually`,
  };
}

/** Deterministic per (listing, change token, quantity): a retry reuses it, a 5 -> 6 -> 5 swing does not. */
export function idempotencyKeyFor(listingId: number, seq: number, quantity: number): string {
  return `ballast:${listingId}:${seq}:${quantity}`;
}

/** `2025-05-01 10:02 UTC`: a merchant reads it in Sync History, whatever the server's time zone. */
function formatUtc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
