import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '@ballast/connector-kit';
import OAuth from 'oauth-1.0a';
import { queryString } from '../api/query-string.ts';

/** WooCommerce accepts HMAC-SHA1 and HMAC-SHA256; SHA-256 is the stronger of the two. */
const SIGNATURE_METHOD = 'HMAC-SHA256';

/**
 * `oauth-1.0a` with the two inputs a connector must control: the clock (so tests and the host's clock
 * agree with the signed timestamp) and a nonce from the CSPRNG rather than `Math.random`.
 */
class WooOAuth extends OAuth {
  readonly #clock: Clock;

  constructor(consumerKey: string, consumerSecret: string, clock: Clock) {
    super({
      consumer: { key: consumerKey, secret: consumerSecret },
      signature_method: SIGNATURE_METHOD,
      hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
    });
    this.#clock = clock;
  }

  /** 32 alphanumerics, as WooCommerce's nonce check describes them. */
  override getNonce(): string {
    return randomBytes(16).toString('hex');
  }

  override getTimeStamp(): number {
    return Math.floor(this.#clock.now() / 1000);
  }
}

/** Signs a request URL for WooCommerce's one-legged OAuth 1.0a; returns the URL to send. */
export type UrlSigner = (method: string, url: string) => string;

/**
 * One-legged OAuth 1.0a (no token) as WooCommerce checks it over plain HTTP: the `oauth_*` parameters go
 * in the query string, the signature covers the method, the URL without its query, and every query
 * parameter; the key is `consumer_secret&`. The URL's own query must be RFC 3986-encoded (`queryString`),
 * because the signature is computed over the decoded values.
 *
 * @example
 * ```ts
 * const sign = createOAuth1Signer('ck_...', 'cs_...', systemClock);
 * await fetch(sign('GET', 'http://shop.test/wp-json/wc/v3/products?sku=A'));
 * ```
 */
export function createOAuth1Signer(consumerKey: string, consumerSecret: string, clock: Clock): UrlSigner {
  const oauth = new WooOAuth(consumerKey, consumerSecret, clock);
  return (method, url) => {
    const authorization = oauth.authorize({ method, url });
    // `authorize` also returns the URL's own parameters (it merges them into its result): add only oauth_*.
    const params = Object.entries(authorization)
      .filter(([key]) => key.startsWith('oauth_'))
      .map(([key, value]): [string, string] => [key, String(value)]);
    return `${url}${url.includes('?') ? '&' : '?'}${queryString(params)}`;
  };
}
