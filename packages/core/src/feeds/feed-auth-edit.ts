import { ValidationError } from '../errors.ts';
import type { SecretBox } from '../shared/secret-box.ts';
import type { FeedAuth, FeedAuthEdit } from './feed-auth.ts';
import { requireSecretBox, sealFeedAuth, tryOpenFeedAuth } from './feed-auth-store.ts';

const SECRET_OF = { basic: 'password', bearer: 'token', header: 'value' } as const;

/**
 * The `auth_ciphertext` a feed update leaves: `undefined` keeps the stored credentials, `null` removes them,
 * credentials replace them, and credentials without their secret keep the stored secret of the same kind.
 *
 * Stored credentials never follow the url to another origin on their own: when the update points the feed
 * elsewhere, they must be sent again (or removed). Otherwise whoever may edit feeds, but was never told the
 * password, could read it by pointing the feed at a server of theirs.
 */
export function authAfterUpdate(change: {
  storedCiphertext: string | null;
  edit: FeedAuthEdit | null | undefined;
  storedUrl: string | null;
  url: string | null;
  secrets: SecretBox | undefined;
}): string | null {
  const { storedCiphertext, edit, secrets } = change;
  if (edit === null) return null;
  const moved = change.url !== null && originOf(change.url) !== originOf(change.storedUrl);
  if (edit === undefined) {
    if (storedCiphertext !== null && moved) {
      throw new ValidationError('invalid feed', [
        {
          path: ['auth'],
          message:
            `the url now points to ${originOf(change.url)}: enter the credentials again for it, or remove ` +
            'them (stored credentials never follow the url to another origin)',
        },
      ]);
    }
    return storedCiphertext;
  }
  const box = requireSecretBox(secrets);
  return sealFeedAuth(box, withStoredSecret(edit, storedCiphertext, moved, box));
}

/** The edit as complete credentials: its own secret, or the stored one of the same kind it leaves out. */
function withStoredSecret(
  edit: FeedAuthEdit,
  storedCiphertext: string | null,
  moved: boolean,
  secrets: SecretBox,
): FeedAuth {
  const key = SECRET_OF[edit.type];
  if ((edit as Record<string, unknown>)[key] !== undefined) return edit as FeedAuth;
  const stored = storedCiphertext === null ? null : tryOpenFeedAuth(secrets, storedCiphertext);
  if (stored?.type === edit.type && !moved)
    return { ...edit, [key]: (stored as Record<string, string>)[key] } as FeedAuth;
  const why =
    storedCiphertext === null
      ? 'the feed has no stored credentials to keep it from'
      : stored === null
        ? 'the stored credentials cannot be read with this server’s secret; enter them again'
        : stored.type !== edit.type
          ? `the stored credentials are not ${edit.type} credentials`
          : 'the url now points to another origin; enter it again for it';
  throw new ValidationError('invalid feed', [{ path: ['auth', key], message: `required: ${why}` }]);
}

/** The origin credentials are sent to; null for no url (or one that is not a URL). */
function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
