import { secretSetting } from '@ballast/connector-kit';
import { z } from 'zod';
import { API_VERSION_PATTERN, DEFAULT_API_VERSION, isAtLeast, OLDEST_API_VERSION } from './api-version.ts';
import { LOCATION_GID } from './listing-ref.ts';

/** Restore rates by plan: Standard, Advanced, Plus, Enterprise (points per second). */
export const PLAN_RESTORE_RATES = [100, 200, 1000, 2000] as const;

/**
 * Most entries one `inventorySetQuantities` call takes. Shopify does not publish a cap (**unconfirmed**):
 * 250 is the figure its other bulk inputs use, so it is the ceiling here and a setting below it.
 */
export const MAX_BATCH = 250;

/** The merchant's settings for the Shopify connector. */
export const shopifyConfigSchema = z.object({
  /** The shop's permanent domain, `your-shop.myshopify.com` (not a custom domain). */
  shopDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/, 'must be the shop’s *.myshopify.com domain'),
  /** Admin API access token of the custom app (`shpat_...`). */
  accessToken: secretSetting(z.string().min(1)),
  /** Admin API version, e.g. `2026-04`; decides how compare-and-set and idempotency are spelled. */
  apiVersion: z
    .string()
    .regex(API_VERSION_PATTERN, 'must be a quarterly version like 2026-04')
    .refine((v) => isAtLeast(v, OLDEST_API_VERSION), `must be ${OLDEST_API_VERSION} or later`)
    .default(DEFAULT_API_VERSION),
  /**
   * Locations Ballast manages, as GIDs (`gid://shopify/Location/123`). An item is written and read at the
   * first of these where it is stocked.
   */
  locationIds: z
    .array(z.string().regex(LOCATION_GID, 'must be a gid://shopify/Location/<id>'))
    .min(1)
    .max(10),
  /** Entries per `inventorySetQuantities` call. */
  batchSize: z.number().int().min(1).max(MAX_BATCH).default(MAX_BATCH),
  /** The shop plan's restore rate in points per second (Standard 100, Advanced 200, Plus 1000, Enterprise 2000). */
  restoreRate: z.literal(PLAN_RESTORE_RATES).default(100),
  /**
   * The cost bucket's size to start with; default 20 seconds of restore (a Standard shop reports 2000 at
   * 100/s). Every response's `throttleStatus` corrects it.
   */
  bucketSize: z.number().int().min(100).max(100_000).optional(),
  /** The app's client secret: order webhooks are signed with it. Without it order webhooks are off. */
  appSecret: secretSetting(z.string().min(1)).optional(),
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** Base URL replacing `https://{shopDomain}` (a proxy, a sandbox or the simulator); http allowed. */
  endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

/** Config as the merchant writes it (defaults optional). */
export type ShopifyConfigInput = z.input<typeof shopifyConfigSchema>;
/** Config after parsing, as the connector uses it. */
export type ShopifyConfig = z.output<typeof shopifyConfigSchema>;

/** The bucket size to plan with before the first response reports the real one. */
export function initialBucketSize(config: ShopifyConfig): number {
  return config.bucketSize ?? config.restoreRate * 20;
}
