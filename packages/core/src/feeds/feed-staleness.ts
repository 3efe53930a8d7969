import { formatAge } from '../shared/format-age.ts';

/**
 * Pull intervals without a successful snapshot after which a scheduled feed is stale by default: one late or
 * failed pull is ordinary, three in a row is a feed that stopped delivering.
 */
export const STALE_AFTER_PULLS = 3;

/** What decides when a feed turns stale. */
export interface StalenessSettings {
  url: string | null;
  intervalMinutes: number | null;
  /** null = automatic, 0 = never, else minutes. */
  staleAfterMinutes: number | null;
  /** The last successful snapshot; a feed that never delivered counts from its creation. */
  lastAppliedAt: number | null;
  createdAt: number;
}

/**
 * Minutes without a successful snapshot after which the feed is stale, or null when it never is: the
 * merchant's setting, else STALE_AFTER_PULLS intervals for a scheduled feed; a feed pushed to or run on demand
 * has no rhythm to miss, so it is never stale unless a setting says so.
 */
export function effectiveStaleAfterMinutes(feed: StalenessSettings): number | null {
  if (feed.staleAfterMinutes === 0) return null;
  if (feed.staleAfterMinutes !== null) return feed.staleAfterMinutes;
  return feed.url !== null && feed.intervalMinutes !== null ? feed.intervalMinutes * STALE_AFTER_PULLS : null;
}

/** The moment the feed turns stale, or null for never. Stored as `feeds.stale_at` on every write. */
export function staleAtOf(feed: StalenessSettings): number | null {
  const minutes = effectiveStaleAfterMinutes(feed);
  return minutes === null ? null : (feed.lastAppliedAt ?? feed.createdAt) + minutes * 60_000;
}

export function isStaleAt(staleAt: number | null, at: number): boolean {
  return staleAt !== null && staleAt <= at;
}

/** Why a position the feed covers is unknown, e.g. `feed "Warehouse CSV" is stale (last snapshot 5 h ago)`. */
export function staleFeedReason(name: string, lastAppliedAt: number | null, at: number): string {
  const since =
    lastAppliedAt === null ? 'no snapshot yet' : `last snapshot ${formatAge(at - lastAppliedAt)} ago`;
  return `feed "${name}" is stale (${since})`;
}

/**
 * What stays the same in an unknown quantity's reason while the same stale feeds hold it: the reason without the
 * snapshot age `staleFeedReason` puts after each feed (it grows every minute), also where the reason is quoted in
 * another (a kit's, for its component). Compare reasons by this key, never by their text; a reason that names no
 * stale feed is its own key.
 */
export function staleReasonKey(reason: string): string {
  return reason.replace(STALE_SINCE, '" is stale');
}

/** The `" is stale (…)` ending of `staleFeedReason`, whichever `since` it has. */
const STALE_SINCE = /" is stale \((?:last snapshot [^()]* ago|no snapshot yet)\)/g;
