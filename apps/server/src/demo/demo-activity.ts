import { randomInt } from 'node:crypto';
import type { Logger } from '@ballast/connector-kit';
import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import {
  BallastError,
  createPurchaseOrder,
  type Db,
  receivePurchaseOrder,
  shipSalesOrder,
} from '@ballast/core';
import type { SyncControl } from '../sync/sync-control.ts';
import { DEMO_PRODUCTS } from './demo-catalog.ts';

export interface DemoActivityOptions {
  db: Db;
  storeId: number;
  channelId: number;
  simulator: WebhookSimulator;
  /** This server's order webhook URL for the demo channel: orders arrive the way a real channel sends them. */
  webhookUrl: string;
  /** In `all` mode: used to show drift repair right after a simulated manual edit on the web store. */
  engine?: SyncControl | undefined;
  /** Time between two rounds of activity: a random value in [min, max] ms. */
  intervalMs: readonly [number, number];
  logger: Logger;
}

export interface DemoActivity {
  /** One round now (tests drive it directly). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Below this on hand a demo product is restocked by a purchase order. */
const RESTOCK_BELOW = 3;
/** Every this many rounds, the web store's own admin "edits" a quantity and drift repair puts it back. */
const DRIFT_EVERY = 4;

/**
 * Keeps the demo alive: each round a web store order arrives by signed webhook, the oldest open order
 * ships, low stock is received from a purchase order, and now and then someone edits a quantity on the
 * web store that the master then overwrites. Every step shows up in Sync History as a real push.
 */
export function startDemoActivity(options: DemoActivityOptions): DemoActivity {
  const { db, storeId, channelId, simulator, logger } = options;
  let rounds = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      // The merchant may have changed the demo store (paused the channel, deleted stock): skip, never crash.
      const level = error instanceof BallastError ? 'debug' : 'warn';
      logger[level](`demo: ${name} skipped`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const tick = async () => {
    rounds += 1;
    await step('order', () => postOrder(options));
    await step('shipment', () => shipOldest(db, storeId, channelId, logger));
    await step('restock', () => restock(db, storeId, logger));
    if (rounds % DRIFT_EVERY === 0) await step('drift', () => simulateDrift(options));
    // The simulator logs every request; the demo may run for weeks.
    simulator.server.clearLog();
  };

  const schedule = () => {
    const [min, max] = options.intervalMs;
    timer = setTimeout(
      () => {
        inFlight = inFlight.then(tick).finally(() => {
          if (!stopped) schedule();
        });
      },
      min + randomInt(Math.max(1, max - min + 1)),
    );
    timer.unref();
  };
  schedule();

  return {
    tick: () => {
      inFlight = inFlight.then(tick);
      return inFlight;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}

const sellable = DEMO_PRODUCTS.filter((p) => p.autoSync);
const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

async function postOrder(options: DemoActivityOptions): Promise<void> {
  const channel = await options.db
    .selectFrom('channels')
    .select('status')
    .where('id', '=', options.channelId)
    .executeTakeFirst();
  // The merchant disconnected the demo web store: it sends no more orders.
  if (channel?.status === 'disconnected') return;
  const first = pick(sellable);
  const second = randomInt(3) === 0 ? pick(sellable.filter((p) => p.sku !== first.sku)) : undefined;
  const lines = [first, ...(second ? [second] : [])].map((p) => ({ sku: p.sku, quantity: 1 + randomInt(2) }));
  const id = `D${Date.now().toString(36).toUpperCase()}`;
  const request = options.simulator.signedOrderWebhook({ id, lines });
  const res = await fetch(options.webhookUrl, {
    method: 'POST',
    headers: request.headers,
    body: request.rawBody,
  });
  const answer = (await res.json().catch(() => ({}))) as { status?: string; number?: string };
  if (!res.ok || answer.status !== 'created') {
    throw new Error(`the order webhook answered ${res.status} ${answer.status ?? ''}`);
  }
  options.logger.info('demo: web store order', {
    number: answer.number,
    lines: lines.map((l) => `${l.quantity}x${l.sku}`).join(','),
  });
}

async function shipOldest(db: Db, storeId: number, channelId: number, logger: Logger): Promise<void> {
  const open = await db
    .selectFrom('salesOrders')
    .select(['id', 'number'])
    .where('storeId', '=', storeId)
    .where('channelId', '=', channelId)
    .where('status', '=', 'open')
    .orderBy('id')
    .limit(2)
    .execute();
  // Leave the newest open order open, so the admin always has one to look at.
  if (open.length < 2) return;
  await shipSalesOrder(db, storeId, open[0]!.id);
  logger.info('demo: shipped', { number: open[0]!.number });
}

async function restock(db: Db, storeId: number, logger: Logger): Promise<void> {
  const low = await db
    .selectFrom('products as p')
    .leftJoin('quantities as q', 'q.productId', 'p.id')
    .select(['p.sku'])
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('q.onHand'), eb.lit(0)).as('onHand'))
    .where('p.storeId', '=', storeId)
    .where('p.kind', '=', 'simple')
    // Only the demo's own catalogue: products the merchant adds to the demo store are theirs to stock.
    .where(
      'p.sku',
      'in',
      DEMO_PRODUCTS.map((product) => product.sku),
    )
    .groupBy(['p.id', 'p.sku'])
    .having((eb) => eb.fn.coalesce(eb.fn.sum<number>('q.onHand'), eb.lit(0)), '<', RESTOCK_BELOW)
    .execute();
  if (low.length === 0) return;
  const lines = low.map((row) => ({ sku: row.sku, quantity: 24 }));
  const order = await createPurchaseOrder(db, storeId, {
    number: `DEMO-PO-${Date.now().toString(36).toUpperCase()}`,
    supplier: 'Demo supplier',
    lines,
  });
  await receivePurchaseOrder(db, storeId, order.id, { lines });
  logger.info('demo: restocked', { skus: low.map((r) => r.sku).join(',') });
}

async function simulateDrift(options: DemoActivityOptions): Promise<void> {
  const listed = sellable.filter((p) => options.simulator.quantityOf(p.sku) !== undefined);
  if (listed.length === 0 || !options.engine) return;
  const product = pick(listed);
  const shown = options.simulator.quantityOf(product.sku) ?? 0;
  options.simulator.setQuantity(product.sku, shown + 7);
  options.logger.info('demo: someone edited the web store by hand', { sku: product.sku, shown: shown + 7 });
  await options.engine.sweepDrift(options.channelId);
}
