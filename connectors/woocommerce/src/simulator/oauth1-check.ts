import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WooError } from '../api/protocol.ts';

/** The oauth parameters WooCommerce requires (any one present means the client is trying OAuth). */
const REQUIRED = [
  'oauth_consumer_key',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
  'oauth_signature_method',
] as const;

/** WooCommerce's replay window for timestamps and nonces. */
const WINDOW_SECONDS = 15 * 60;

/** PHP's `rawurlencode` (RFC 3986). Written out here, independent of the connector's encoder. */
function rawurlencode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** PHP's `rawurldecode`: `%XX` only, a `+` stays a `+`. */
function rawurldecode(value: string): string {
  return decodeURIComponent(value.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
}

const authError = (message: string, code = 'woocommerce_rest_authentication_error'): WooError => ({
  code,
  message,
  data: { status: 401 },
});

/** What one OAuth check needs to know about the request and the site. */
export interface OAuthCheckInput {
  readonly method: string;
  /** The site's address for this path, without the query: what WooCommerce rebuilds from its home URL. */
  readonly baseUri: string;
  /** The request's parameters as PHP decodes them (`$_GET`, where `+` is a space, plus `$_POST`). */
  readonly params: ReadonlyMap<string, string>;
  readonly consumerSecretFor: (consumerKey: string) => string | undefined;
  readonly nowSeconds: number;
  /** Nonces seen in the window; a repeat is refused. */
  readonly usedNonces: Map<string, number>;
}

/** `undefined`: the request does not try OAuth at all. Otherwise the consumer key, or the error to answer. */
export type OAuthOutcome = { readonly consumerKey: string } | { readonly error: WooError } | undefined;

/**
 * WooCommerce's `perform_oauth_authentication`, step by step: required parameters, consumer key,
 * signature (keys sorted with strcmp, keys and values RFC 3986-encoded, each `key=value` encoded again and
 * joined with `%26`, HMAC-SHA1 or -SHA256 keyed with `consumer_secret&`), then timestamp and nonce.
 */
export function checkOAuth1(input: OAuthCheckInput): OAuthOutcome {
  const params = new Map(input.params);
  const missing = REQUIRED.filter((name) => !params.get(name));
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) {
    return {
      error: authError(
        `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        'woocommerce_rest_authentication_missing_parameter',
      ),
    };
  }
  const consumerKey = params.get('oauth_consumer_key')!;
  const secret = input.consumerSecretFor(consumerKey);
  if (secret === undefined) return { error: authError('Consumer key is invalid.') };

  const consumerSignature = rawurldecode(params.get('oauth_signature')!.replace(/ /g, '+'));
  params.delete('oauth_signature');
  const method = params.get('oauth_signature_method');
  if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') {
    return { error: authError('Invalid signature - signature method is invalid.') };
  }
  const pairs = [...params.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => rawurlencode(`${rawurlencode(key)}=${rawurlencode(params.get(key)!)}`));
  const stringToSign = `${input.method.toUpperCase()}&${rawurlencode(input.baseUri)}&${pairs.join('%26')}`;
  const expected = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${secret}&`)
    .update(stringToSign)
    .digest('base64');
  // PHP's hash_equals over the base64 strings, as WooCommerce compares them.
  const given = Buffer.from(consumerSignature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return { error: authError('Invalid signature - provided signature does not match.') };
  }

  const timestamp = Number(params.get('oauth_timestamp'));
  if (!(Math.abs(timestamp - input.nowSeconds) <= WINDOW_SECONDS)) {
    return { error: authError('Invalid timestamp.') };
  }
  for (const [nonce, at] of input.usedNonces) {
    if (at < input.nowSeconds - WINDOW_SECONDS) input.usedNonces.delete(nonce);
  }
  const nonce = `${consumerKey}:${params.get('oauth_nonce')}`;
  if (input.usedNonces.has(nonce)) {
    return { error: authError('Invalid nonce - nonce has already been used.') };
  }
  input.usedNonces.set(nonce, timestamp);
  return { consumerKey };
}
