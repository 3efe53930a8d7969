import type { Db } from '../db/connect.ts';
import { BallastError, ValidationError } from '../errors.ts';
import type { SecretBox } from '../shared/secret-box.ts';
import { applyFeedSnapshot, type FeedRunResult, recordFailedFeedRun } from './apply-feed-snapshot.ts';
import { downloadFeed } from './download-feed.ts';
import { type FeedAuth, feedAuthHeaders, feedAuthSecrets } from './feed-auth.ts';
import { requireSecretBox, tryOpenFeedAuth } from './feed-auth-store.ts';
import { getFeedRow } from './feeds.ts';
import { parseFeedBody } from './parse-feed-body.ts';

export interface RunFeedOptions {
  /** The fetch to use (default: the global one); tests and proxies inject their own. */
  fetch?: typeof fetch;
  /** Give up on the request after this long (default 30 s). */
  timeoutMs?: number;
  /** Refuse bodies larger than this (default 50 MB). */
  maxBytes?: number;
  /** Opens the feed's stored credentials; required for a feed that has any. */
  secrets?: SecretBox;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Pulls a feed now: fetches its URL with its credentials, if any (sent only to the URL's own origin, see
 * downloadFeed), reads the body (CSV or JSON, see parseFeedBody) and applies it as a snapshot. A fetch that
 * fails (network, timeout, HTTP error, too large), credentials that cannot be opened, or a body that cannot
 * be read or applied records a failed run with the reason (never a secret), sets the feed's lastError,
 * changes no stock and is returned, not thrown. Throws NotFoundError for an unknown feed and ValidationError
 * for a feed without a url.
 *
 * @example
 * const run = await runFeedNow(db, storeId, feedId, { secrets });
 * if (run.status === 'failed') console.warn(run.error);
 */
export async function runFeedNow(
  db: Db,
  storeId: number,
  feedId: number,
  options: RunFeedOptions = {},
): Promise<FeedRunResult> {
  const feed = await getFeedRow(db, storeId, feedId);
  if (feed.url === null)
    throw new ValidationError('the feed has no url to pull from', [{ path: ['url'], message: 'not set' }]);
  let auth: FeedAuth | null = null;
  if (feed.authCiphertext !== null) {
    auth = tryOpenFeedAuth(requireSecretBox(options.secrets), feed.authCiphertext);
    if (auth === null) return recordFailedFeedRun(db, storeId, feedId, UNREADABLE_CREDENTIALS);
  }

  let body: { contentType: string | null; bytes: Uint8Array };
  try {
    body = await downloadFeed(feed.url, {
      fetch: options.fetch ?? fetch,
      credentials: auth ? feedAuthHeaders(auth) : {},
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
  } catch (error) {
    // A client error could quote the request it refused; the reason is stored and shown to every reader.
    const reason = redacted(reasonOf(error), auth ? feedAuthSecrets(auth) : []);
    return recordFailedFeedRun(db, storeId, feedId, `fetching ${feed.url} failed: ${reason}`);
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

const UNREADABLE_CREDENTIALS =
  'the feed’s credentials cannot be decrypted with this server’s secret (was it changed?): set them again';

/** The text with every secret in it replaced. */
function redacted(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret === '' ? out : out.replaceAll(secret, '[redacted]')), text);
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
