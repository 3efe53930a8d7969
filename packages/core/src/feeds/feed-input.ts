import { z } from 'zod';
import { MAX_QUANTITY, MAX_UPLOAD_ROWS } from '../uploads/upload-format.ts';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';
import { feedAuthEditSchema, feedAuthSchema } from './feed-auth.ts';

/** A week: longer intervals are better served by pushing snapshots. */
export const MAX_FEED_INTERVAL_MINUTES = 7 * 24 * 60;

/** Thirty days: a feed silent for longer is not a source of truth. */
export const MAX_STALE_AFTER_MINUTES = 30 * 24 * 60;

const name = z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE);
// Any http(s) host: self-hosters point feeds at IPs and intranet names that z.httpUrl() refuses.
const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  // fetch refuses such a URL, and the API would show the password back in every answer.
  .refine(
    (value) => !hasUserInfo(value),
    'cannot contain a user name or password: give them as Basic credentials (`auth`), which are stored encrypted',
  );

function hasUserInfo(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false; // not a URL at all: the url check says so
  }
}
const intervalMinutes = z.number().int().min(1).max(MAX_FEED_INTERVAL_MINUTES);
const staleAfterMinutes = z.number().int().min(0).max(MAX_STALE_AFTER_MINUTES);

/** An explicit staleness at or below the pull interval would call the feed stale between two good pulls. */
export const STALE_WITHIN_INTERVAL_MESSAGE = 'must be longer than the pull interval';

export function staleAfterWithinInterval(
  staleAfterMinutes: number | null | undefined,
  intervalMinutes: number | null | undefined,
): boolean {
  return staleAfterMinutes != null && staleAfterMinutes > 0 && intervalMinutes != null
    ? staleAfterMinutes <= intervalMinutes
    : false;
}

export const feedInputSchema = z
  .object({
    name,
    /** Where scheduled pulls and runFeedNow fetch the snapshot; absent for push-only feeds. */
    url: url.nullish(),
    /** Minutes between scheduled pulls; absent = pulled only on demand or pushed. */
    intervalMinutes: intervalMinutes.nullish(),
    /**
     * Minutes without a successful snapshot after which the feed is stale and the stock it covers unknown
     * (pushes held). Absent = automatic: 3 pull intervals for a scheduled feed, never otherwise; 0 = never.
     */
    staleAfterMinutes: staleAfterMinutes.nullish(),
    /** Credentials the pulls send (Basic, bearer token or a header); stored encrypted, never shown back. */
    auth: feedAuthSchema.nullish(),
  })
  .superRefine((feed, ctx) => {
    if (feed.intervalMinutes != null && feed.url == null)
      ctx.addIssue({ code: 'custom', path: ['intervalMinutes'], message: 'a scheduled feed needs a url' });
    if (staleAfterWithinInterval(feed.staleAfterMinutes, feed.intervalMinutes))
      ctx.addIssue({ code: 'custom', path: ['staleAfterMinutes'], message: STALE_WITHIN_INTERVAL_MESSAGE });
  });
export type FeedInput = z.input<typeof feedInputSchema>;

export const feedUpdateSchema = z.object({
  name: name.optional(),
  url: url.nullable().optional(),
  intervalMinutes: intervalMinutes.nullable().optional(),
  /** null = back to automatic, 0 = never stale. */
  staleAfterMinutes: staleAfterMinutes.nullable().optional(),
  /** Absent = keep the stored credentials, null = remove them; a secret left out keeps the stored one. */
  auth: feedAuthEditSchema.nullable().optional(),
});
export type FeedUpdate = z.input<typeof feedUpdateSchema>;

export const feedSnapshotItemSchema = z.object({
  sku: z.string().trim().min(1, 'SKU is required').max(255).refine(hasNoNul, NO_NUL_MESSAGE),
  /** Location name; absent or empty = the store's default location. */
  location: z.string().trim().max(200).nullish(),
  /** Absolute on hand at that location. */
  onHand: z.number().int().min(0).max(MAX_QUANTITY),
});
export type FeedSnapshotItem = z.input<typeof feedSnapshotItemSchema>;

export const feedSnapshotSchema = z.object({
  items: z.array(feedSnapshotItemSchema).max(MAX_UPLOAD_ROWS),
});
export type FeedSnapshot = z.input<typeof feedSnapshotSchema>;
