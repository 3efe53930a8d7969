import { z } from 'zod';

/**
 * Request credentials a feed's pulls send: HTTP Basic, a bearer token, or one header of the supplier's
 * choosing (`X-Api-Key: ...`). Stored sealed by the server's secret box (see feed-auth-store.ts); the API
 * shows only a FeedAuthSummary.
 */
export type FeedAuth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'header'; name: string; value: string };

export type FeedAuthType = FeedAuth['type'];

/**
 * What may be shown of a feed's credentials: the kind and what identifies them, never a secret. `unreadable`:
 * credentials are stored but this server's secret cannot open them (it changed); pulls fail until they are
 * set again.
 */
export type FeedAuthSummary =
  | { type: 'basic'; username: string }
  | { type: 'bearer' }
  | { type: 'header'; name: string }
  | { type: 'unreadable' };

export const MAX_FEED_AUTH_USERNAME = 200;
export const MAX_FEED_AUTH_PASSWORD = 1000;
/** Room for a JWT with many claims. */
export const MAX_FEED_AUTH_TOKEN = 4000;
export const MAX_FEED_AUTH_HEADER_NAME = 100;

/**
 * Headers a feed's credentials may not set: the HTTP client owns them (framing, connection, target host),
 * and a value of ours would break the request or be dropped.
 */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

/** RFC 9110 `token`: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII and spaces: fetch refuses line breaks and NUL, and anything above U+00FF, in a header. */
const HEADER_TEXT = /^[\x20-\x7e]*$/;
/** Control characters (line breaks, tabs, NUL, DEL): never part of a user name or password (RFC 7617). */
const CONTROL = /\p{Cc}/u;

const HEADER_TEXT_MESSAGE = 'may hold only printable ASCII characters (no line breaks, tabs or NUL)';

const username = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FEED_AUTH_USERNAME)
  .refine((v) => !CONTROL.test(v), 'cannot contain control characters (line breaks, tabs, NUL)')
  .refine(
    (v) => !v.includes(':'),
    'cannot contain ":" (Basic authentication separates it from the password)',
  );
// Never trimmed: a password is whatever it is, spaces included.
const password = z
  .string()
  .min(1)
  .max(MAX_FEED_AUTH_PASSWORD)
  .refine((v) => !CONTROL.test(v), 'cannot contain control characters (line breaks, tabs, NUL)');
const token = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FEED_AUTH_TOKEN)
  .refine(
    (v) => HEADER_TEXT.test(v) && !v.includes(' '),
    'may hold only printable ASCII characters, no spaces',
  );
const headerName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FEED_AUTH_HEADER_NAME)
  .refine((v) => HEADER_NAME.test(v), "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)")
  .refine(
    (v) => !RESERVED_HEADERS.has(v.toLowerCase()),
    'is set by the HTTP client itself and cannot be sent as credentials',
  );
const headerValue = z
  .string()
  .trim()
  .min(1)
  .max(MAX_FEED_AUTH_TOKEN)
  .refine((v) => HEADER_TEXT.test(v), HEADER_TEXT_MESSAGE);

const basicType = z.literal('basic');
const bearerType = z.literal('bearer');
const headerType = z.literal('header');

/** New credentials, complete. */
export const feedAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: basicType, username, password }),
  z.strictObject({ type: bearerType, token }),
  z.strictObject({ type: headerType, name: headerName, value: headerValue }),
]);

/**
 * Credentials in a feed update: the secret (password, token, header value) may be left out to keep the stored
 * one, when the feed has credentials of the same kind (see mergeFeedAuth), so renaming a user or a header
 * never needs the secret again.
 */
export const feedAuthEditSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: basicType, username, password: password.optional() }),
  z.strictObject({ type: bearerType, token: token.optional() }),
  z.strictObject({ type: headerType, name: headerName, value: headerValue.optional() }),
]);
export type FeedAuthEdit = z.input<typeof feedAuthEditSchema>;

/** What is shown of the credentials: the kind, the user name or header name, never a secret. */
export function summarizeFeedAuth(auth: FeedAuth): FeedAuthSummary {
  switch (auth.type) {
    case 'basic':
      return { type: 'basic', username: auth.username };
    case 'bearer':
      return { type: 'bearer' };
    case 'header':
      return { type: 'header', name: auth.name };
  }
}

/** The request headers that carry the credentials. */
export function feedAuthHeaders(auth: FeedAuth): Record<string, string> {
  switch (auth.type) {
    case 'basic':
      // RFC 7617 with charset UTF-8: a user name or password beyond ASCII is sent as its UTF-8 bytes.
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`,
      };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'header':
      return { [auth.name]: auth.value };
  }
}

/** The values that must never appear in a log line or a run's error, as typed and as sent. */
export function feedAuthSecrets(auth: FeedAuth): string[] {
  switch (auth.type) {
    case 'basic':
      return [auth.password, feedAuthHeaders(auth).authorization!.slice('Basic '.length)];
    case 'bearer':
      return [auth.token];
    case 'header':
      return [auth.value];
  }
}
