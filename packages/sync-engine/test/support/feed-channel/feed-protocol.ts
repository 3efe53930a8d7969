import { z } from 'zod';

/**
 * The wire protocol of a feed-style channel, shaped like Walmart's inventory feeds and Amazon's listings
 * feeds: a batch is accepted at once with a feed id, processed later, and its per-item report is fetched by
 * polling the feed's status.
 */
export const FEED_PATHS = { items: '/items', feeds: '/feeds' } as const;

export const feedSubmissionSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        quantity: z.number().int().nonnegative(),
        idempotencyKey: z.string().min(1),
      }),
    )
    .min(1),
});
export type FeedSubmission = z.infer<typeof feedSubmissionSchema>;

export const feedAcceptedSchema = z.object({ feedId: z.string().min(1) });

export const feedItemReportSchema = z.object({
  sku: z.string(),
  status: z.enum(['ok', 'error']),
  quantity: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  retryable: z.boolean().optional(),
});
export type FeedItemReport = z.infer<typeof feedItemReportSchema>;

/** Feeds the channel does not know are left out of the answer. */
export const feedStatusSchema = z.object({
  feeds: z.array(
    z.object({
      feedId: z.string(),
      status: z.enum(['IN_PROGRESS', 'DONE']),
      items: z.array(feedItemReportSchema).optional(),
    }),
  ),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

export const stockSchema = z.object({
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
});
