import type { ShopifyConfigInput } from '../src/index.ts';

export const SHOP = 'ballast-sim.myshopify.com';
export const TOKEN = 'shpat_simulator';
export const APP_SECRET = 'simulator-app-secret';
export const LOCATION = 'gid://shopify/Location/1';
export const OTHER_LOCATION = 'gid://shopify/Location/2';

/** Small limits (an Advanced shop with a small bucket) so the throttling checks wait for real but briefly. */
export const FAST_BUCKET = { restoreRate: 200, bucketSize: 200 } as const;

/** A connector config pointed at a simulator (or any base URL) through the endpoint setting. */
export function simConfig(baseUrl: string, overrides: Partial<ShopifyConfigInput> = {}): ShopifyConfigInput {
  return {
    shopDomain: SHOP,
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    locationIds: [LOCATION],
    endpoint: baseUrl,
    batchSize: 30,
    ...FAST_BUCKET,
    ...overrides,
  };
}
