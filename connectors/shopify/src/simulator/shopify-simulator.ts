import { type Clock, systemClock, type WebhookRequest } from '@ballast/connector-kit';
import {
  type ContractSimulator,
  createRateLimiter,
  type SimOrder,
  startSimServer,
} from '@ballast/connector-kit/testing';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_API_VERSION } from '../api-version.ts';
import { graphqlEndpoint } from './graphql-endpoint.ts';
import { IdempotencyCache } from './idempotency-cache.ts';
import { type OrderWebhookOptions, signedOrderDelivery } from './order-webhook.ts';
import type { UserErrorMode } from './set-quantities-mutation.ts';
import { type NewItem, ShopState, type SimInventoryItem } from './shop-state.ts';

export interface ShopifySimulatorOptions {
  /** Default `ballast-sim.myshopify.com`. */
  readonly shopDomain?: string;
  /** The token requests must carry in `X-Shopify-Access-Token`; default `shpat_simulator`. */
  readonly accessToken?: string;
  /** Signs order webhooks; default `simulator-app-secret`. */
  readonly appSecret?: string;
  /** Location GIDs; the first is where `seed` stocks items. Default `gid://shopify/Location/1`. */
  readonly locations?: readonly string[];
  /** The cost bucket: points per second (default 100) and size (default 2000, a Standard shop). */
  readonly restoreRate?: number;
  readonly bucketSize?: number;
  /** HTTP status of THROTTLED answers (**unconfirmed**; default 200). */
  readonly throttledStatus?: 200 | 429;
  /** Add `Retry-After` to throttled 429s. */
  readonly throttledRetryAfter?: boolean;
  /** Whether one bad entry fails the whole `inventorySetQuantities` (**unconfirmed**; default `atomic`). */
  readonly userErrorMode?: UserErrorMode;
  /** Shopify's 2025-01 introspection: requests to that version are validated against it too. */
  readonly introspectionSchema?: GraphQLSchema;
  /** Versions served; default every quarterly version from 2025-01 to 2027-10. */
  readonly versions?: readonly string[];
  /** Time each write takes, so replays of one idempotency key can overlap (default 0). */
  readonly mutationDelayMs?: number;
  readonly clock?: Clock;
}

/** A running simulated shop: the contract suite's handle, plus Shopify-specific controls. */
export interface ShopifySimulator extends ContractSimulator {
  readonly shopDomain: string;
  readonly accessToken: string;
  readonly appSecret: string;
  readonly state: ShopState;
  /** Adds an item (several per SKU, several locations, untracked or immutable items). */
  addItem(item: NewItem): SimInventoryItem;
  /** The available quantity of an item at a location; `undefined` when not stocked there. */
  levelOf(inventoryItemId: string, locationId: string): number | undefined;
  /** Whether a write with this `@idempotent` key was answered. */
  usedIdempotencyKey(key: string): boolean;
  /** Scripts `IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED` for every later request with this key. */
  failIdempotencyKey(key: string): void;
  signedOrderWebhook(order: SimOrder, options?: OrderWebhookOptions): WebhookRequest;
}

const defaultVersions = (): string[] =>
  [2025, 2026, 2027].flatMap((year) => ['01', '04', '07', '10'].map((month) => `${year}-${month}`));

/**
 * A Shopify shop at the Admin GraphQL boundary, on the kit's simulator server: a real HTTP server on
 * 127.0.0.1 answering `POST /admin/api/{version}/graphql.json` for the operations the connector uses,
 * with Shopify's cost bucket, compare-and-set eras, idempotency keys, user errors, kit fault injection and
 * HMAC-signed order webhooks.
 */
export async function startShopifySimulator(
  options: ShopifySimulatorOptions = {},
): Promise<ShopifySimulator> {
  const clock = options.clock ?? systemClock;
  const shopDomain = options.shopDomain ?? 'ballast-sim.myshopify.com';
  const accessToken = options.accessToken ?? 'shpat_simulator';
  const appSecret = options.appSecret ?? 'simulator-app-secret';
  const state = new ShopState(options.locations ?? ['gid://shopify/Location/1']);
  const rateLimiter = createRateLimiter(
    { kind: 'cost-bucket', capacity: options.bucketSize ?? 2000, restorePerSec: options.restoreRate ?? 100 },
    clock,
  );
  const idempotency = new IdempotencyCache();
  const server = await startSimServer({ clock });
  for (const version of options.versions ?? defaultVersions()) {
    server.route(
      'POST',
      `/admin/api/${version}/graphql.json`,
      graphqlEndpoint({
        version,
        state,
        limiter: rateLimiter,
        idempotency,
        accessToken,
        userErrorMode: options.userErrorMode ?? 'atomic',
        throttledStatus: options.throttledStatus ?? 200,
        throttledRetryAfter: options.throttledRetryAfter ?? false,
        introspectionSchema: options.introspectionSchema,
        mutationDelayMs: options.mutationDelayMs ?? 0,
        clock,
      }),
      // The endpoint charges the cost bucket itself, by the priced operation, and answers THROTTLED.
      { limited: false },
    );
  }
  const primaryOf = (sku: string): SimInventoryItem | undefined => state.itemsWithSku(sku)[0];

  return {
    server,
    rateLimiter,
    shopDomain,
    accessToken,
    appSecret,
    state,
    seed(items) {
      for (const item of items) state.replaceSku(item.sku, item.quantity);
    },
    quantityOf: (sku) => primaryOf(sku)?.levels.get(state.primaryLocation),
    setQuantity(sku, quantity) {
      const item = primaryOf(sku);
      if (!item) throw new RangeError(`no item with SKU ${sku}`);
      item.levels.set(state.primaryLocation, quantity);
    },
    addItem: (item) => state.addItem(item),
    levelOf: (itemId, locationId) => state.item(itemId)?.levels.get(locationId),
    usedIdempotencyKey: (key) => idempotency.has(key),
    failIdempotencyKey: (key) => idempotency.markFailed(key),
    signedOrderWebhook: (order, webhookOptions) =>
      signedOrderDelivery(appSecret, shopDomain, order, {
        apiVersion: DEFAULT_API_VERSION,
        ...webhookOptions,
      }),
    close: () => server.close(),
  };
}
