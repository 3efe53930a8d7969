import type { Feed, FeedCreate, FeedUpdate } from '../api/types.ts';

/** What the server shows of a feed's stored credentials (never a secret). */
export type FeedAuthSummary = NonNullable<Feed['auth']>;

export type FeedAuthMode = 'none' | 'basic' | 'bearer' | 'header';

/** The Authentication section as typed. Secrets start blank: the server never sends them. */
export interface FeedAuthValues {
  mode: FeedAuthMode;
  username: string;
  password: string;
  token: string;
  headerName: string;
  headerValue: string;
}

export const NO_AUTH: FeedAuthValues = {
  mode: 'none',
  username: '',
  password: '',
  token: '',
  headerName: '',
  headerValue: '',
};

export const FEED_AUTH_OPTIONS: { value: FeedAuthMode; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'Basic (user name and password)' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'header', label: 'Header (such as X-Api-Key)' },
];

/** The section filled with what is stored: the kind, the user or header name; credentials that cannot be read, as none. */
export function feedAuthValues(stored: FeedAuthSummary | null): FeedAuthValues {
  switch (stored?.type) {
    case 'basic':
      return { ...NO_AUTH, mode: 'basic', username: stored.username };
    case 'bearer':
      return { ...NO_AUTH, mode: 'bearer' };
    case 'header':
      return { ...NO_AUTH, mode: 'header', headerName: stored.name };
    default:
      return NO_AUTH;
  }
}

/** The stored credentials in words, for the feed's page and the form. */
export function feedAuthLabel(stored: FeedAuthSummary | null): string {
  switch (stored?.type) {
    case undefined:
      return 'None';
    case 'basic':
      return `Basic, user ${stored.username}`;
    case 'bearer':
      return 'Bearer token';
    case 'header':
      return `Header ${stored.name}`;
    case 'unreadable':
      return 'Stored, but unreadable with this server’s secret (it changed): enter them again';
  }
}

/** Where the server names each input (`body.auth.password`), the form's error keys. */
export const FEED_AUTH_FIELDS = {
  section: 'body.auth',
  username: 'body.auth.username',
  password: 'body.auth.password',
  token: 'body.auth.token',
  headerName: 'body.auth.name',
  headerValue: 'body.auth.value',
} as const;

const SECRET_OF = { basic: 'password', bearer: 'token', header: 'headerValue' } as const;

/** Whether the chosen kind is the stored one, whose secret a blank input keeps. */
export function keepsStoredSecret(values: FeedAuthValues, stored: FeedAuthSummary | null): boolean {
  return values.mode !== 'none' && stored?.type === values.mode;
}

/** New credentials as typed, for a feed being registered; undefined for none. */
export function feedAuthCredentials(values: FeedAuthValues): FeedCreate['auth'] | undefined {
  switch (values.mode) {
    case 'none':
      return undefined;
    case 'basic':
      return { type: 'basic', username: values.username.trim(), password: values.password };
    case 'bearer':
      return { type: 'bearer', token: values.token };
    case 'header':
      return { type: 'header', name: values.headerName.trim(), value: values.headerValue };
  }
}

/**
 * What a save sends as `auth`: undefined leaves it out (the stored credentials stay as they are), null
 * removes them. A blank secret of the stored kind is left out of the credentials, so the server keeps it.
 */
export function feedAuthEdit(values: FeedAuthValues, stored: FeedAuthSummary | null): FeedUpdate['auth'] {
  if (values.mode === 'none') return stored ? null : undefined;
  if (!keepsStoredSecret(values, stored) || values[SECRET_OF[values.mode]] !== '')
    return feedAuthCredentials(values);
  const username = values.username.trim();
  const name = values.headerName.trim();
  // Only the user or header name can have changed; unchanged, nothing is sent.
  if (stored?.type === 'basic') return stored.username === username ? undefined : { type: 'basic', username };
  if (stored?.type === 'header') return stored.name === name ? undefined : { type: 'header', name };
  return undefined;
}

/** What the form can tell before asking: the inputs the chosen kind needs, said in the merchant's words. */
export function feedAuthErrors(values: FeedAuthValues, stored: FeedAuthSummary | null): Map<string, string> {
  const errors = new Map<string, string>();
  const blank = (text: string) => text.trim() === '';
  const secretNeeded = !keepsStoredSecret(values, stored);
  if (values.mode === 'basic') {
    if (blank(values.username)) errors.set(FEED_AUTH_FIELDS.username, 'enter the user name');
    if (secretNeeded && values.password === '') errors.set(FEED_AUTH_FIELDS.password, 'enter the password');
  } else if (values.mode === 'bearer') {
    if (secretNeeded && blank(values.token)) errors.set(FEED_AUTH_FIELDS.token, 'enter the token');
  } else if (values.mode === 'header') {
    if (blank(values.headerName)) errors.set(FEED_AUTH_FIELDS.headerName, 'enter the header name');
    if (secretNeeded && blank(values.headerValue))
      errors.set(FEED_AUTH_FIELDS.headerValue, 'enter the header value');
  }
  return errors;
}
