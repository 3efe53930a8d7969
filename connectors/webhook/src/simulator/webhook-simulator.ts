import { signStandardWebhook, verifyStandardWebhook, type WebhookRequest } from '@ballast/connector-kit';
import {
  type ContractSimulator,
  createRateLimiter,
  json,
  type SimOrder,
  type SimRequest,
  type SimResponse,
  startSimServer,
} from '@ballast/connector-kit/testing';
import { inventorySetSchema, ORDER_CREATED, type WireItemResult } from '../protocol.ts';
import { ReceiverState } from './receiver-state.ts';

export interface WebhookSimulatorOptions {
  /** The secret the receiver verifies requests with. */
  readonly secret: string;
  /** The secret order webhooks are signed with (default: `secret`). */
  readonly orderSecret?: string;
  /** The receiver's capacity; over it answers 429 with `Retry-After`. */
  readonly requestsPerSecond?: number;
  readonly burst?: number;
  /** Honour `expectedQuantity` and answer `stale` on a mismatch. */
  readonly compareAndSet?: boolean;
  /**
   * `auto` answers an empty 204 when every item is ok and per-item results otherwise (both protocol forms);
   * `always` answers results every time.
   */
  readonly results?: 'auto' | 'always';
}

/** The simulator's paths; a connector config points `endpointUrl`, `lookupUrl` and `readBackUrl` at them. */
export const SIMULATOR_PATHS = { inventory: '/inventory', lookup: '/lookup', readBack: '/read' } as const;

export interface WebhookSimulator extends ContractSimulator {
  signedOrderWebhook(
    order: SimOrder,
    options?: { readonly type?: string; readonly at?: Date },
  ): WebhookRequest;
}

/**
 * A merchant receiver that follows the webhook protocol: verifies signatures, keeps quantities per SKU,
 * deduplicates idempotency keys, and plays every fault the kit's simulator can inject.
 */
export async function startWebhookSimulator(options: WebhookSimulatorOptions): Promise<WebhookSimulator> {
  const rps = options.requestsPerSecond ?? 10;
  const rateLimiter = createRateLimiter({
    kind: 'token-bucket',
    ratePerSec: rps,
    burst: options.burst ?? Math.max(1, Math.ceil(rps)),
  });
  const server = await startSimServer({ limiter: rateLimiter });
  const state = new ReceiverState(options.compareAndSet ?? false);

  const unauthorized = (request: SimRequest): SimResponse | undefined => {
    const verdict = verifyStandardWebhook(options.secret, {
      headers: request.headers,
      rawBody: request.rawBody,
    });
    return verdict.ok ? undefined : json(401, { error: `bad signature: ${verdict.reason}` });
  };

  server.route('POST', SIMULATOR_PATHS.inventory, (request) => {
    const refused = unauthorized(request);
    if (refused) return refused;
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
    const parsed = inventorySetSchema.safeParse(body);
    if (!parsed.success) return json(400, { error: parsed.error.message });
    const results = parsed.data.items.map((item): WireItemResult => {
      const failure = request.partialFailureFor(item.sku);
      if (failure) {
        return {
          sku: item.sku,
          status: 'error',
          code: failure.code ?? 'injected',
          message: failure.message ?? 'injected failure',
          retryable: failure.retryable,
        };
      }
      return state.apply(item);
    });
    if (options.results !== 'always' && results.every((r) => r.status === 'ok')) return { status: 204 };
    return json(200, { results });
  });

  const stockList = (request: SimRequest): SimResponse => {
    const refused = unauthorized(request);
    if (refused) return refused;
    const skus = (request.query.get('skus') ?? '').split(',').filter((sku) => sku !== '');
    const items = skus.flatMap((sku) => {
      const quantity = state.get(sku);
      return quantity === undefined ? [] : [{ sku, quantity }];
    });
    return json(200, { items });
  };
  server.route('GET', SIMULATOR_PATHS.lookup, stockList);
  server.route('GET', SIMULATOR_PATHS.readBack, stockList);

  return {
    server,
    rateLimiter,
    seed(items) {
      for (const item of items) state.set(item.sku, item.quantity);
    },
    quantityOf: (sku) => state.get(sku),
    setQuantity: (sku, quantity) => state.set(sku, quantity),
    signedOrderWebhook(order, signOptions = {}) {
      const at = signOptions.at ?? new Date();
      const rawBody = JSON.stringify({
        type: signOptions.type ?? ORDER_CREATED,
        order: { id: order.id, lines: order.lines, createdAt: at.toISOString() },
      });
      const headers = signStandardWebhook({
        secret: options.orderSecret ?? options.secret,
        id: `msg_order_${order.id}`,
        timestamp: at,
        body: rawBody,
      });
      return { headers: new Headers({ ...headers, 'content-type': 'application/json' }), rawBody };
    },
    close: () => server.close(),
  };
}
