import type { Db } from '../db/connect.ts';
import type { SecretBox } from '../shared/secret-box.ts';
import { type FeedAuth, type FeedAuthSummary, feedAuthSchema, summarizeFeedAuth } from './feed-auth.ts';

/** The box to seal or open credentials with; a caller that stores or pulls credentials must pass one. */
export function requireSecretBox(secrets: SecretBox | undefined): SecretBox {
  if (!secrets) throw new Error('feed credentials need the server’s secret box (options.secrets)');
  return secrets;
}

/** The credentials as the `auth_ciphertext` column holds them: JSON sealed by the server's secret box. */
export function sealFeedAuth(secrets: SecretBox, auth: FeedAuth): string {
  return secrets.seal(JSON.stringify(auth));
}

/**
 * The stored credentials, opened. Throws when they cannot be: sealed under another server secret, tampered
 * with, or not credentials at all.
 */
export function openFeedAuth(secrets: SecretBox, ciphertext: string): FeedAuth {
  const parsed = feedAuthSchema.safeParse(JSON.parse(secrets.open(ciphertext)));
  if (!parsed.success) throw new Error('the stored feed credentials are not valid credentials');
  return parsed.data;
}

/** The stored credentials, or null when they cannot be opened (see openFeedAuth). */
export function tryOpenFeedAuth(secrets: SecretBox, ciphertext: string): FeedAuth | null {
  try {
    return openFeedAuth(secrets, ciphertext);
  } catch {
    return null;
  }
}

/**
 * What the API shows of the credentials of the store's feeds, by feed id; feeds without credentials are
 * absent. Opens each (AES-GCM, microseconds) so the user name or header name can be shown, as channels show
 * their settings that are not secret.
 */
export async function feedAuthSummaries(
  db: Db,
  storeId: number,
  feedIds: readonly number[],
  secrets: SecretBox,
): Promise<Map<number, FeedAuthSummary>> {
  if (feedIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('feeds')
    .select(['id', 'authCiphertext'])
    .where('storeId', '=', storeId)
    .where('id', 'in', feedIds)
    .where('authCiphertext', 'is not', null)
    .execute();
  return new Map(
    rows.map((row) => {
      const auth = tryOpenFeedAuth(secrets, row.authCiphertext!);
      return [row.id, auth ? summarizeFeedAuth(auth) : { type: 'unreadable' }];
    }),
  );
}
