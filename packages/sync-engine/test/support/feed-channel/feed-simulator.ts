import {
  type ContractSimulator,
  createRateLimiter,
  json,
  type PartialFailure,
  type SimRequest,
  type SimResponse,
  startSimServer,
} from '@ballast/connector-kit/testing';
import { FEED_PATHS, type FeedItemReport, type FeedStatus, feedSubmissionSchema } from './feed-protocol.ts';

export interface FeedSimulatorOptions {
  /** The API key requests must carry. */
  readonly apiKey: string;
  readonly requestsPerSecond?: number;
  readonly burst?: number;
}

interface Feed {
  readonly id: string;
  readonly items: readonly { sku: string; quantity: number; failure: PartialFailure | undefined }[];
  report: FeedItemReport[] | undefined;
}

export interface FeedSimulator extends ContractSimulator {
  processPending(): void;
  /** Processes one feed now, whatever its place in the queue (channels do not promise an order). */
  processFeed(feedId: string): void;
  /** Feeds accepted and not processed yet, oldest first. */
  readonly queuedFeeds: readonly string[];
  /** The channel loses a feed (expired, purged): polls no longer find it. */
  forgetFeed(feedId: string): void;
}

/**
 * A feed-style channel at the HTTP boundary: `POST /feeds` accepts a batch at once (202, a feed id);
 * items are applied only when the feed is processed, and `GET /feeds?ids=` reports each feed's status and
 * per-item outcome. A `partial` fault on the submission fails those items at processing time, the way a
 * feed reports a `DATA_ERROR` (permanent) or `SYSTEM_ERROR` (retryable) hours later.
 */
export async function startFeedSimulator(options: FeedSimulatorOptions): Promise<FeedSimulator> {
  const rps = options.requestsPerSecond ?? 100;
  const rateLimiter = createRateLimiter({
    kind: 'token-bucket',
    ratePerSec: rps,
    burst: options.burst ?? Math.max(1, Math.ceil(rps)),
  });
  const server = await startSimServer({ limiter: rateLimiter });
  const stock = new Map<string, number>();
  const feeds = new Map<string, Feed>();
  let queue: string[] = [];
  let nextId = 1;

  const unauthorized = (request: SimRequest): SimResponse | undefined =>
    request.headers.get('authorization') === `Bearer ${options.apiKey}`
      ? undefined
      : json(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad API key' }] });

  server.route('GET', FEED_PATHS.items, (request) => {
    const refused = unauthorized(request);
    if (refused) return refused;
    const skus = (request.query.get('skus') ?? '').split(',').filter((sku) => sku !== '');
    return json(200, {
      items: skus.flatMap((sku) => (stock.has(sku) ? [{ sku, quantity: stock.get(sku)! }] : [])),
    });
  });

  server.route('POST', FEED_PATHS.feeds, (request) => {
    const refused = unauthorized(request);
    if (refused) return refused;
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return json(400, { errors: [{ code: 'BAD_REQUEST', message: 'body is not JSON' }] });
    }
    const parsed = feedSubmissionSchema.safeParse(body);
    if (!parsed.success)
      return json(400, { errors: [{ code: 'BAD_REQUEST', message: parsed.error.message }] });
    const id = `F${nextId++}`;
    feeds.set(id, {
      id,
      items: parsed.data.items.map((item) => ({
        sku: item.sku,
        quantity: item.quantity,
        failure: request.partialFailureFor(item.sku),
      })),
      report: undefined,
    });
    queue.push(id);
    return json(202, { feedId: id });
  });

  server.route('GET', FEED_PATHS.feeds, (request) => {
    const refused = unauthorized(request);
    if (refused) return refused;
    const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
    const answer: FeedStatus = {
      feeds: ids.flatMap((id): FeedStatus['feeds'] => {
        const feed = feeds.get(id);
        if (!feed) return [];
        return [
          feed.report
            ? { feedId: id, status: 'DONE', items: feed.report }
            : { feedId: id, status: 'IN_PROGRESS' },
        ];
      }),
    };
    return json(200, answer);
  });

  const process = (feed: Feed) => {
    feed.report = feed.items.map(({ sku, quantity, failure }): FeedItemReport => {
      if (failure) {
        return {
          sku,
          status: 'error',
          code: failure.code ?? (failure.retryable ? 'SYSTEM_ERROR' : 'DATA_ERROR'),
          message: failure.message ?? 'injected failure',
          retryable: failure.retryable,
        };
      }
      if (!stock.has(sku)) {
        return { sku, status: 'error', code: 'DATA_ERROR', message: `no item ${sku}`, retryable: false };
      }
      stock.set(sku, quantity);
      return { sku, status: 'ok', quantity };
    });
    queue = queue.filter((id) => id !== feed.id);
  };

  return {
    server,
    rateLimiter,
    seed(items) {
      for (const item of items) stock.set(item.sku, item.quantity);
    },
    quantityOf: (sku) => stock.get(sku),
    setQuantity: (sku, quantity) => stock.set(sku, quantity),
    processPending() {
      for (const id of [...queue]) process(feeds.get(id)!);
    },
    processFeed(feedId) {
      const feed = feeds.get(feedId);
      if (!feed || feed.report) throw new Error(`feed ${feedId} is not waiting to be processed`);
      process(feed);
    },
    get queuedFeeds() {
      return [...queue];
    },
    forgetFeed(feedId) {
      feeds.delete(feedId);
      queue = queue.filter((id) => id !== feedId);
    },
    close: () => server.close(),
  };
}
