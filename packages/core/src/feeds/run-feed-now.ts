import type { Db } from '../db/connect.ts';
import { BallastError, ValidationError } from '../errors.ts';
import { applyFeedSnapshot, type FeedRunResult, recordFailedFeedRun } from './apply-feed-snapshot.ts';
import { getFeed } from './feeds.ts';
import { parseFeedBody } from './parse-feed-body.ts';

export interface RunFeedOptions {
  /** The fetch to use (default: the global one); tests and proxies inject their own. */
  fetch?: typeof fetch;
  /** Give up on the request after this long (default 30 s). */
  timeoutMs?: number;
  /** Refuse bodies larger than this (default 50 MB). */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Pulls a feed now: fetches its URL, reads the body (CSV or JSON, see parseFeedBody) and applies it as a
 * snapshot. A fetch that fails (network, timeout, HTTP error, too large) or a body that cannot be read or
 * applied records a failed run with the reason, sets the feed's lastError, changes no stock and is returned,
 * not thrown. Throws NotFoundError for an unknown feed and ValidationError for a feed without a url.
 *
 * @example
 * const run = await runFeedNow(db, storeId, feedId);
 * if (run.status === 'failed') console.warn(run.error);
 */
export async function runFeedNow(
  db: Db,
  storeId: number,
  feedId: number,
  options: RunFeedOptions = {},
): Promise<FeedRunResult> {
  const feed = await getFeed(db, storeId, feedId);
  if (feed.url === null)
    throw new ValidationError('the feed has no url to pull from', [{ path: ['url'], message: 'not set' }]);

  let body: { contentType: string | null; bytes: Uint8Array };
  try {
    body = await download(feed.url, options);
  } catch (error) {
    return recordFailedFeedRun(db, storeId, feedId, `fetching ${feed.url} failed: ${reasonOf(error)}`);
  }
  try {
    const snapshot = await parseFeedBody(body.contentType, body.bytes);
    return await applyFeedSnapshot(db, storeId, feedId, snapshot);
  } catch (error) {
    // Only a body we could not use is the feed's failure; anything else (the database) is ours to throw.
    if (error instanceof ValidationError) return recordFailedFeedRun(db, storeId, feedId, reasonOf(error));
    throw error;
  }
}

async function download(
  url: string,
  options: RunFeedOptions,
): Promise<{ contentType: string | null; bytes: Uint8Array }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const response = await (options.fetch ?? fetch)(url, {
    headers: { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' },
    redirect: 'follow',
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new Error(`the body is larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  }
  return { contentType: response.headers.get('content-type'), bytes: Buffer.concat(chunks) };
}

/** A short reason for the run history: the message, and the first few problems of a typed error. */
function reasonOf(error: unknown): string {
  if (error instanceof BallastError && error.issues.length > 0) {
    const shown = error.issues.slice(0, 5).map((i) => {
      const where = i.row !== undefined ? `line ${i.row}${i.column ? ` ${i.column}` : ''}` : i.path.join('.');
      return where ? `${where}: ${i.message}` : i.message;
    });
    const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
    return `${error.message}: ${shown.join('; ')}${more}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
