import { z } from 'zod';
import { MAX_QUANTITY, MAX_UPLOAD_ROWS } from '../uploads/upload-format.ts';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';

/** A week: longer intervals are better served by pushing snapshots. */
export const MAX_FEED_INTERVAL_MINUTES = 7 * 24 * 60;

const name = z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE);
// Any http(s) host: self-hosters point feeds at IPs and intranet names that z.httpUrl() refuses.
const url = z.url({ protocol: /^https?$/ }).max(2000);
const intervalMinutes = z.number().int().min(1).max(MAX_FEED_INTERVAL_MINUTES);

export const feedInputSchema = z
  .object({
    name,
    /** Where scheduled pulls and runFeedNow fetch the snapshot; absent for push-only feeds. */
    url: url.nullish(),
    /** Minutes between scheduled pulls; absent = pulled only on demand or pushed. */
    intervalMinutes: intervalMinutes.nullish(),
  })
  .superRefine((feed, ctx) => {
    if (feed.intervalMinutes != null && feed.url == null)
      ctx.addIssue({ code: 'custom', path: ['intervalMinutes'], message: 'a scheduled feed needs a url' });
  });
export type FeedInput = z.input<typeof feedInputSchema>;

export const feedUpdateSchema = z.object({
  name: name.optional(),
  url: url.nullable().optional(),
  intervalMinutes: intervalMinutes.nullable().optional(),
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
