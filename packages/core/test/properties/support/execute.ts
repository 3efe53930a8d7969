import {
  type Adjustment,
  type AppliedUpload,
  adjustStock,
  applyFeedSnapshot,
  applyUpload,
  BallastError,
  cancelPurchaseOrder,
  cancelSalesOrder,
  cancelWorkOrder,
  completeWorkOrder,
  createPurchaseOrder,
  createSalesOrder,
  createWorkOrder,
  type Db,
  type FeedRunResult,
  type PurchaseOrder,
  receivePurchaseOrder,
  type SalesOrder,
  shipSalesOrder,
  type WorkOrder,
} from '../../../src/index.ts';
import { LOCATION_NAMES } from './catalogue.ts';
import { type LineQty, type Op, orderListOf } from './ops.ts';
import type { World } from './world.ts';

interface CreatedOrder {
  id: number;
  number: string;
  lines: { id: number; sku: string }[];
}

/** The real side of a run: the database, the world and the orders created so far, in creation order. */
export interface Real {
  db: Db;
  world: World;
  sales: CreatedOrder[];
  purchases: CreatedOrder[];
  works: CreatedOrder[];
  serial: number;
}

export const newReal = (db: Db, world: World): Real => ({
  db,
  world,
  sales: [],
  purchases: [],
  works: [],
  serial: 0,
});

export type OpResult = SalesOrder | PurchaseOrder | WorkOrder | Adjustment | AppliedUpload | FeedRunResult;

/** One concrete call: the same request every time it runs, so a replay is a true replay. */
export type PreparedCall = (idempotencyKey?: string) => Promise<OpResult>;

export interface PrepareOptions {
  /**
   * A different request of the same operation, for the key-reuse check: the first line's quantity is one
   * more, and operations that take only an order id name an order that does not exist.
   */
  variant?: boolean;
}

/**
 * The operation as prepare() fixes it against the orders that exist now: an order index pinned to an
 * existing order, and an order number reused only if there is an order to take it from. A model that steps
 * it later, after other calls have created orders, then predicts the very request that ran.
 */
export function asPrepared(real: Real, op: Op): Op {
  if (op.kind === 'createSales' && op.reuseNumber && real.sales.length === 0)
    return { ...op, reuseNumber: false };
  const list = orderListOf(op);
  return list && 'order' in op && real[list].length > 0 ? { ...op, order: op.order % real[list].length } : op;
}

/**
 * Turns an operation into a call against core with fixed arguments. Returns null when the operation names
 * an order and none of that type exists yet. A successful call records the order it created (once).
 */
export function prepare(real: Real, requested: Op, options: PrepareOptions = {}): PreparedCall | null {
  const list = orderListOf(requested);
  if (list && real[list].length === 0) return null;
  const op = asPrepared(real, requested);
  const { db, world } = real;
  const { storeId } = world;
  const v = options.variant ? 1 : 0;
  const nextNumber = (prefix: string) => `${prefix}-${++real.serial}`;
  const order = (index: number) => real[list!][index % real[list!].length]!;
  const recordOnce = (into: CreatedOrder[]) => {
    let recorded = false;
    return <T extends { id: number }>(result: T, number: string, lines: CreatedOrder['lines']): T => {
      if (!recorded) into.push({ id: result.id, number, lines });
      recorded = true;
      return result;
    };
  };
  const idOf = (index: number) => order(index).id;
  /** A request line naming the order's line by id, or by that line's SKU. */
  const target = (created: CreatedOrder, l: LineQty, quantity: number) => {
    const line = created.lines[l.line % created.lines.length]!;
    return l.bySku ? { sku: line.sku, quantity } : { lineId: line.id, quantity };
  };

  switch (op.kind) {
    case 'createSales': {
      const number = op.reuseNumber && real.sales.length > 0 ? real.sales[0]!.number : nextNumber('SO');
      const input = {
        number,
        locationId: world.locationIds[op.loc],
        lines: op.lines.map((l, i) => ({ sku: l.sku, quantity: l.qty + (i === 0 ? v : 0) })),
      };
      const record = recordOnce(real.sales);
      return async (key) => {
        const result = await createSalesOrder(db, storeId, input, { idempotencyKey: key });
        return record(
          result,
          number,
          result.lines.map(({ id, sku }) => ({ id, sku })),
        );
      };
    }
    case 'shipSales': {
      const created = order(op.order);
      // The variant of "ship everything" ships one unit of the first line instead.
      const requested = op.lines ?? (v ? [{ line: 0, qty: 0, bySku: false }] : null);
      const lines = requested?.map((l, i) => target(created, l, l.qty + (i === 0 ? v : 0)));
      return (key) =>
        shipSalesOrder(db, storeId, created.id, lines ? { lines } : {}, { idempotencyKey: key });
    }
    case 'cancelSales': {
      const id = v ? 1e9 : idOf(op.order);
      return (key) => cancelSalesOrder(db, storeId, id, { idempotencyKey: key });
    }
    case 'createPurchase': {
      const number = nextNumber('PO');
      const input = {
        number,
        locationId: world.locationIds[op.loc],
        lines: op.lines.map((l, i) => ({ sku: l.sku, quantity: l.qty + (i === 0 ? v : 0) })),
      };
      const record = recordOnce(real.purchases);
      return async (key) => {
        const result = await createPurchaseOrder(db, storeId, input, { idempotencyKey: key });
        return record(
          result,
          number,
          result.lines.map(({ id, sku }) => ({ id, sku })),
        );
      };
    }
    case 'receivePurchase': {
      const created = order(op.order);
      const lines = op.lines.map((l, i) => target(created, l, l.qty + (i === 0 ? v : 0)));
      return (key) => receivePurchaseOrder(db, storeId, created.id, { lines }, { idempotencyKey: key });
    }
    case 'cancelPurchase': {
      const id = v ? 1e9 : idOf(op.order);
      return (key) => cancelPurchaseOrder(db, storeId, id, { idempotencyKey: key });
    }
    case 'createWork': {
      const number = nextNumber('WO');
      const input = { number, sku: op.sku, quantity: op.qty + v, locationId: world.locationIds[op.loc] };
      const record = recordOnce(real.works);
      return async (key) =>
        record(await createWorkOrder(db, storeId, input, { idempotencyKey: key }), number, []);
    }
    case 'completeWork': {
      const id = v ? 1e9 : idOf(op.order);
      return (key) => completeWorkOrder(db, storeId, id, { idempotencyKey: key });
    }
    case 'cancelWork': {
      const id = v ? 1e9 : idOf(op.order);
      return (key) => cancelWorkOrder(db, storeId, id, { idempotencyKey: key });
    }
    case 'adjust': {
      const lines = op.lines.map((l, i) => {
        const bump = i === 0 ? v : 0;
        const base = { sku: l.sku, locationId: world.locationIds[l.loc] };
        // A variant never turns a delta into the (invalid) zero delta.
        return 'set' in l
          ? { ...base, set: l.set + bump }
          : { ...base, delta: l.delta + (l.delta === -1 ? -bump : bump) };
      });
      return (key) => adjustStock(db, storeId, { reason: 'property', lines }, { idempotencyKey: key });
    }
    case 'upload': {
      const csv = [
        'sku,quantity,mode,location',
        ...op.rows.map(
          (r, i) =>
            `${r.sku},${r.qty + (i === 0 ? v : 0)},${r.mode},${r.loc === null ? '' : LOCATION_NAMES[r.loc]}`,
        ),
      ].join('\n');
      return (key) =>
        applyUpload(db, storeId, csv, {
          filename: 'stock.csv',
          defaultMode: op.defaultMode,
          idempotencyKey: key,
        });
    }
    case 'feed': {
      const items = op.items.map((item, i) => ({
        sku: item.sku,
        onHand: item.onHand + (i === 0 ? v : 0),
        ...(item.loc !== null && { location: LOCATION_NAMES[item.loc] }),
      }));
      return (key) => applyFeedSnapshot(db, storeId, world.feedId, { items, idempotencyKey: key });
    }
  }
}

export type Outcome = { ok: true; result: OpResult } | { ok: false; error: BallastError };

/** Runs a call; a typed refusal is an outcome, anything else (a raw database error) fails the property. */
export async function attempt(call: PreparedCall, idempotencyKey?: string): Promise<Outcome> {
  try {
    return { ok: true, result: await call(idempotencyKey) };
  } catch (error) {
    if (error instanceof BallastError) return { ok: false, error };
    throw error;
  }
}
