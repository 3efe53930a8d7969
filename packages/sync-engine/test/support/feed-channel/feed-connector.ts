import {
  type BatchResult,
  type ChannelClient,
  type ConnectorContext,
  defineConnector,
  failBatch,
  type ItemOutcome,
  type PendingResolution,
  requestJson,
  withEndpoint,
} from '@ballast/connector-kit';
import { z } from 'zod';
import {
  FEED_PATHS,
  type FeedItemReport,
  feedAcceptedSchema,
  feedStatusSchema,
  stockSchema,
} from './feed-protocol.ts';

export const feedConfigSchema = z.strictObject({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  batchSize: z.number().int().min(1).max(1000).default(50),
  requestsPerSecond: z.number().positive().default(100),
  burst: z.number().int().positive().optional(),
});
export type FeedConfig = z.output<typeof feedConfigSchema>;

/** A handle names one item of one feed: the feed id and the SKU. */
const handleOf = (feedId: string, sku: string) => `${feedId}/${encodeURIComponent(sku)}`;

function parseHandle(handle: string): { feedId: string; sku: string } | undefined {
  const slash = handle.indexOf('/');
  if (slash <= 0) return undefined;
  return { feedId: handle.slice(0, slash), sku: decodeURIComponent(handle.slice(slash + 1)) };
}

/**
 * A test-only connector for a feed-style channel: `setQuantities` submits one feed and answers `pending`
 * per item; `pollPending` reads the feeds' reports in one call.
 */
export const feedConnector = defineConnector({
  id: 'feed-test',
  displayName: 'Feed channel (test)',
  description: 'Submits inventory feeds that the channel processes later; verdicts are polled.',
  configSchema: feedConfigSchema,
  listingRefSchema: z.string().min(1),
  capabilities: (config) => ({
    maxBatch: config.batchSize,
    rateModel: {
      kind: 'token-bucket',
      ratePerSec: config.requestsPerSecond,
      burst: config.burst ?? Math.max(1, Math.ceil(config.requestsPerSecond)),
    },
    compareAndSet: false,
    idempotentWrites: false,
    readBack: false,
    orderWebhooks: false,
    orderPolling: false,
    pendingResults: true,
  }),
  create(config, ctx) {
    const url = (path: string, query?: Record<string, string>) => {
      const target = new URL(withEndpoint(`${config.baseUrl}${path}`, ctx.endpoint));
      for (const [name, value] of Object.entries(query ?? {})) target.searchParams.set(name, value);
      return target.toString();
    };
    const headers = { authorization: `Bearer ${config.apiKey}` };
    const client: ChannelClient<string> = {
      async setQuantities(batch): Promise<BatchResult> {
        const body = JSON.stringify({
          items: batch.map((u) => ({
            sku: u.listingRef,
            quantity: u.quantity,
            idempotencyKey: u.idempotencyKey,
          })),
        });
        try {
          const { body: accepted } = await requestJson(ctx, {
            method: 'POST',
            url: url(FEED_PATHS.feeds),
            headers,
            body,
            schema: feedAcceptedSchema,
          });
          return {
            items: batch.map((u) => ({
              key: u.key,
              status: 'pending',
              handle: handleOf(accepted.feedId, u.listingRef),
            })),
          };
        } catch (error) {
          return failBatch(batch, error);
        }
      },
      async lookupListings(skus) {
        const { body } = await requestJson(ctx, {
          url: url(FEED_PATHS.items, { skus: skus.join(',') }),
          headers,
          schema: stockSchema,
        });
        return body.items.map(({ sku, quantity }) => ({ sku, listingRef: sku, quantity }));
      },
      pollPending: (handles) => pollFeeds(ctx, url, headers, handles),
    };
    return client;
  },
});

async function pollFeeds(
  ctx: ConnectorContext,
  url: (path: string, query?: Record<string, string>) => string,
  headers: Record<string, string>,
  handles: readonly string[],
): Promise<PendingResolution[]> {
  const parsed = handles.map((handle) => ({ handle, item: parseHandle(handle) }));
  const feedIds = [...new Set(parsed.flatMap(({ item }) => (item ? [item.feedId] : [])))];
  const { body } = await requestJson(ctx, {
    url: url(FEED_PATHS.feeds, { ids: feedIds.join(',') }),
    headers,
    schema: feedStatusSchema,
  });
  const feeds = new Map(body.feeds.map((feed) => [feed.feedId, feed]));
  return parsed.map(({ handle, item }): PendingResolution => {
    if (!item) {
      return {
        handle,
        outcome: { status: 'permanent', code: 'invalid_handle', message: `not a feed handle: ${handle}` },
      };
    }
    const feed = feeds.get(item.feedId);
    if (!feed) {
      const message = `the channel no longer knows feed ${item.feedId}`;
      return { handle, outcome: { status: 'transient', code: 'feed_unknown', message } };
    }
    if (feed.status === 'IN_PROGRESS') return { handle, outcome: { status: 'pending', handle } };
    const report = feed.items?.find((r) => r.sku === item.sku);
    return { handle, outcome: outcomeOf(report, item.feedId) };
  });
}

function outcomeOf(report: FeedItemReport | undefined, feedId: string): ItemOutcome {
  if (!report) {
    return {
      status: 'transient',
      code: 'no_result',
      message: `feed ${feedId} reported nothing for the item`,
    };
  }
  if (report.status === 'ok') {
    return report.quantity === undefined ? { status: 'ok' } : { status: 'ok', quantity: report.quantity };
  }
  const code = report.code ?? 'feed_error';
  const message = report.message ?? 'the feed failed this item';
  return report.retryable ? { status: 'transient', code, message } : { status: 'permanent', code, message };
}
