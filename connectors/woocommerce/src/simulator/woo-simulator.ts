import { type Clock, systemClock, type WebhookRequest } from '@ballast/connector-kit';
import {
  type ContractSimulator,
  createRateLimiter,
  type RateLimiter,
  type SimItem,
  type SimOrder,
  type SimServer,
  startSimServer,
} from '@ballast/connector-kit/testing';
import { wooPaths } from '../api/paths.ts';
import type { AuthSettings, KeyPermissions } from './authenticate.ts';
import { batchHandler } from './batch-route.ts';
import { Catalog, type NewProduct, type SimProduct } from './catalog.ts';
import { productsListHandler, variationsListHandler } from './list-routes.ts';
import { type DeliveryOptions, pingDelivery, signedDelivery } from './order-webhooks.ts';

/** Credentials the simulator accepts unless told otherwise (shaped like real WooCommerce keys). */
export const SIM_CONSUMER_KEY = 'ck_5f4dcc3b5aa765d61d8327deb882cf99b0c1a2d3';
export const SIM_CONSUMER_SECRET = 'cs_7c222fb2927d828af22f592134e8932480637c0d';
export const SIM_WEBHOOK_SECRET = 'sim-webhook-secret: a long random string';

/** WooCommerce disables a webhook after more than this many failed deliveries in a row. */
const MAX_DELIVERY_FAILURES = 5;

export interface WooSimulatorOptions {
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
  /** What the key may do (default `read_write`); a `read` key gets 401 on batch writes. */
  readonly keyPermissions?: KeyPermissions;
  /**
   * Whether WordPress sees the request as TLS (default true, a site behind HTTPS): then Basic auth is
   * checked first. False plays a plain-HTTP site, where only OAuth 1.0a authenticates.
   */
  readonly https?: boolean;
  readonly webhookSecret?: string;
  /**
   * A host's throttling (WooCommerce core has none): over it answers 429 with `Retry-After`. Every HTTP
   * call counts one. Without it nothing is throttled.
   */
  readonly throttle?: { readonly requestsPerSecond: number; readonly burst: number };
  /** `woocommerce_rest_batch_items_limit` (default 100). */
  readonly batchLimit?: number;
  /**
   * What `seed` creates: `simple` products (default), or `variations` of one variable parent (so every
   * batch of seeded items goes through the variations endpoint).
   */
  readonly layout?: 'simple' | 'variations';
  /** Send `X-WP-Total` / `X-WP-TotalPages` (default true). */
  readonly pagingHeaders?: boolean;
  /** Match SKUs case-insensitively, like MySQL's default collation (default true). */
  readonly caseInsensitiveSku?: boolean;
  readonly clock?: Clock;
}

/** The result of delivering a webhook to a URL, and whether WooCommerce has now disabled the webhook. */
export interface DeliveryOutcome {
  readonly status: number | 'not-sent';
  readonly webhookDisabled: boolean;
}

/** A running WooCommerce simulator, for the contract suite and the package's own tests. */
export interface WooSimulator extends ContractSimulator {
  readonly url: string;
  /** A simple product (or `type: 'external'`, `'grouped'`...); a quantity turns stock management on. */
  addProduct(product: NewProduct): SimProduct;
  /** A variable parent and its variations (each with its own stock unless `manageStock` says otherwise). */
  addVariable(
    sku: string,
    variations: readonly Omit<NewProduct, 'type' | 'parentId'>[],
  ): { parent: SimProduct; variations: SimProduct[] };
  product(id: number): SimProduct | undefined;
  productBySku(sku: string): SimProduct | undefined;
  /** Moves an item to the trash: gone from lists, an invalid id for writes. */
  trash(id: number): void;
  signedOrderWebhook(order: SimOrder, options?: DeliveryOptions): WebhookRequest;
  /** The unsigned creation ping (`webhook_id=N`). */
  pingWebhook(webhookId?: number): WebhookRequest;
  /** POSTs a delivery to `url` as WooCommerce would, counting failures until the webhook is disabled. */
  deliverWebhook(url: string, delivery: WebhookRequest): Promise<DeliveryOutcome>;
}

/**
 * A WooCommerce site's REST API v3 (`/wp-json/wc/v3`) as far as Ballast uses it: product lists by SKU or
 * id, variation lists, product and variation batches with WooCommerce's limit and per-item errors, Basic
 * and OAuth 1.0a authentication, optional host throttling, the kit's fault injection, and signed order
 * webhooks with the unsigned creation ping.
 */
export async function startWooSimulator(options: WooSimulatorOptions = {}): Promise<WooSimulator> {
  const clock = options.clock ?? systemClock;
  const throttle = options.throttle;
  // Without host throttling the limiter never refuses; the contract suite still reads its counters.
  const rateLimiter: RateLimiter = createRateLimiter(
    throttle
      ? { kind: 'cost-bucket', capacity: throttle.burst, restorePerSec: throttle.requestsPerSecond }
      : { kind: 'cost-bucket', capacity: 1e9, restorePerSec: 1e9 },
    clock,
  );
  const server: SimServer = await startSimServer({ limiter: rateLimiter, clock });
  const catalog = new Catalog();
  const auth: AuthSettings = {
    keys: [
      {
        consumerKey: options.consumerKey ?? SIM_CONSUMER_KEY,
        consumerSecret: options.consumerSecret ?? SIM_CONSUMER_SECRET,
        permissions: options.keyPermissions ?? 'read_write',
      },
    ],
    https: options.https ?? true,
    siteUrl: server.url,
    clock,
    usedNonces: new Map(),
  };
  const lists = {
    catalog,
    auth,
    pagingHeaders: options.pagingHeaders ?? true,
    caseInsensitiveSku: options.caseInsensitiveSku ?? true,
  };
  const batches = { catalog, auth, batchLimit: options.batchLimit ?? 100 };
  const webhookSecret = options.webhookSecret ?? SIM_WEBHOOK_SECRET;

  // WordPress registers batch routes for every editable method.
  const routeBatch = (path: string, parentId: number | undefined): void => {
    for (const method of ['POST', 'PUT', 'PATCH'])
      server.route(method, path, batchHandler(batches, parentId));
  };
  server.route('GET', wooPaths.products, productsListHandler(lists));
  routeBatch(wooPaths.productsBatch, undefined);

  const addVariable: WooSimulator['addVariable'] = (sku, variations) => {
    const parent = catalog.add({ sku, type: 'variable', manageStock: false });
    server.route('GET', wooPaths.variations(parent.id), variationsListHandler(lists, parent.id));
    routeBatch(wooPaths.variationsBatch(parent.id), parent.id);
    return {
      parent,
      variations: variations.map((v) => catalog.add({ ...v, type: 'variation', parentId: parent.id })),
    };
  };

  let sharedParent: SimProduct | undefined;
  const seedOne = (item: SimItem): void => {
    const existing = catalog.bySku(item.sku);
    if (existing) catalog.remove(existing.id);
    if (options.layout === 'variations') {
      sharedParent ??= addVariable('SIM-VARIABLE-PARENT', []).parent;
      catalog.add({ sku: item.sku, quantity: item.quantity, type: 'variation', parentId: sharedParent.id });
    } else {
      catalog.add({ sku: item.sku, quantity: item.quantity });
    }
  };

  let deliveryFailures = 0;
  let webhookDisabled = false;

  return {
    server,
    rateLimiter,
    url: server.url,
    seed: (items) => {
      for (const item of items) seedOne(item);
    },
    quantityOf(sku) {
      const product = catalog.bySku(sku);
      return product?.manageStock === true ? (product.stockQuantity ?? undefined) : undefined;
    },
    setQuantity(sku, quantity) {
      const product = catalog.bySku(sku);
      if (!product) throw new RangeError(`the simulator has no item ${sku}`);
      product.manageStock = true;
      product.stockQuantity = quantity;
    },
    addProduct: (product) => catalog.add(product),
    addVariable,
    product: (id) => catalog.get(id),
    productBySku: (sku) => catalog.bySku(sku),
    trash(id) {
      const product = catalog.get(id);
      if (product) product.status = 'trash';
    },
    signedOrderWebhook: (order, deliveryOptions) =>
      signedDelivery(server.url, webhookSecret, order, deliveryOptions),
    pingWebhook: (webhookId = 1) => pingDelivery(webhookId),
    async deliverWebhook(url, delivery) {
      if (webhookDisabled) return { status: 'not-sent', webhookDisabled };
      let status: number;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.rawBody,
        });
        status = response.status;
        await response.body?.cancel();
      } catch {
        status = 0;
      }
      deliveryFailures = status >= 200 && status < 300 ? 0 : deliveryFailures + 1;
      if (deliveryFailures > MAX_DELIVERY_FAILURES) webhookDisabled = true;
      return { status, webhookDisabled };
    },
    close: () => server.close(),
  };
}
