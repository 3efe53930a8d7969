import { secretSetting } from '@ballast/connector-kit';
import { z } from 'zod';

/** How requests prove who they are: WooCommerce accepts Basic auth only over TLS. */
export type AuthMode = 'basic' | 'oauth1';

/** WooCommerce's own batch ceiling (`woocommerce_rest_batch_items_limit`, 413 above it). */
export const WOO_BATCH_LIMIT = 100;

const siteUrl = z
  .url({ protocol: /^https?$/, error: 'must be the http(s) address of the WordPress site' })
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '';
  }, 'must not carry a query or fragment: the address of the site home, like https://shop.example.com');

const credential = z.string().trim().min(1);

/** The merchant's settings for the WooCommerce connector. */
export const wooConfigSchema = z.object({
  /** The WordPress site's home address (a subdirectory install keeps its path): `{siteUrl}/wp-json/wc/v3`. */
  siteUrl,
  /** REST API key (`ck_...`) from WooCommerce > Settings > Advanced > REST API, Read/Write. */
  consumerKey: secretSetting(credential),
  /** Its secret (`cs_...`). */
  consumerSecret: secretSetting(credential),
  /**
   * `basic` (HTTP Basic) or `oauth1` (OAuth 1.0a one-legged, HMAC-SHA256 in the query string). Unset:
   * `basic` for https, `oauth1` for http, as WooCommerce itself decides. `basic` over http only makes
   * sense for a site behind a TLS-terminating proxy on a private network (WordPress must see the request
   * as TLS, or it ignores Basic auth); the connector logs a warning.
   */
  authMode: z.enum(['basic', 'oauth1']).optional(),
  /** The secret set on the `order.created` webhook in WooCommerce; without it order webhooks are off. */
  webhookSecret: secretSetting(credential).optional(),
  /** Updates per batch call; a site may lower WooCommerce's limit of 100 with a filter. */
  batchSize: z.number().int().min(1).max(WOO_BATCH_LIMIT).default(WOO_BATCH_LIMIT),
  /**
   * WooCommerce core does not throttle, but hosts and security plugins do: a modest sustained rate.
   * Every HTTP call counts, including each variation batch of a mixed batch.
   */
  requestsPerSecond: z.number().positive().max(100).default(5),
  /** Calls that may go back to back after a quiet spell. */
  burst: z.number().int().min(1).max(100).default(10),
  /** Per request; a batch of 100 saves 100 products, which takes a while on small hosts. */
  timeoutMs: z.number().int().min(100).max(300_000).default(60_000),
});

/** Config as the merchant writes it (defaults optional). */
export type WooConfigInput = z.input<typeof wooConfigSchema>;
/** Config after parsing, as the connector uses it. */
export type WooConfig = z.output<typeof wooConfigSchema>;

/** The auth mode in force: the configured one, else what WooCommerce expects for the site's scheme. */
export function authModeOf(config: Pick<WooConfig, 'siteUrl' | 'authMode'>): AuthMode {
  return config.authMode ?? (new URL(config.siteUrl).protocol === 'https:' ? 'basic' : 'oauth1');
}
