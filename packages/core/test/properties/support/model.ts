import {
  type BallastError,
  ConflictError,
  CsvUploadError,
  InsufficientStockError,
  InvalidStateError,
  ValidationError,
} from '../../../src/index.ts';
import {
  allocationOf,
  billOfMaterials,
  CATALOGUE,
  isKit,
  LOCS,
  type Loc,
  type Sku,
  STOCKED,
  type StockedSku,
} from './catalogue.ts';
import type { LineQty, Op } from './ops.ts';

export interface Stock {
  onHand: number;
  committed: number;
  incoming: number;
}
type Bucket = keyof Stock;
type Position = `${StockedSku}@${Loc}`;
const position = (sku: StockedSku, loc: Loc): Position => `${sku}@${loc}`;

interface SalesLine {
  sku: Sku;
  qty: number;
  shipped: number;
  cancelled: number;
  allocation: Map<StockedSku, number>;
}
interface SalesOrder {
  loc: Loc;
  status: 'open' | 'partially_shipped' | 'shipped' | 'cancelled';
  lines: SalesLine[];
}
interface PurchaseOrder {
  loc: Loc;
  status: 'open' | 'partially_received' | 'received' | 'cancelled';
  lines: { sku: StockedSku; qty: number; received: number }[];
}
interface WorkOrder {
  loc: Loc;
  sku: StockedSku;
  qty: number;
  status: 'in_progress' | 'completed' | 'cancelled';
  required: Map<StockedSku, number>;
}

type ErrorType = abstract new (...args: never[]) => BallastError;

/** What the model says an operation does: accepted (with the order status it leaves), or refused and why. */
export type Prediction =
  | { accepted: true; status?: string }
  | { accepted: false; error: ErrorType; why: string };

interface Move {
  sku: StockedSku;
  loc: Loc;
  bucket: Bucket;
  delta: number;
}

const outstandingSales = (l: SalesLine) => l.qty - l.shipped - l.cancelled;
const outstandingPurchase = (l: { qty: number; received: number }) => Math.max(l.qty - l.received, 0);
const refuse = (error: ErrorType, why: string): Prediction => ({ accepted: false, error, why });

/**
 * The lines a shipment or receipt names: by index, or by the SKU of the line at that index (which must then
 * be on exactly one line). A line named twice is refused.
 */
function resolveTargets<L extends { sku: Sku }>(
  lines: readonly L[],
  requested: readonly LineQty[],
): { line: L; qty: number }[] | Prediction {
  const targets: { line: L; qty: number }[] = [];
  for (const r of requested) {
    const line = lines[r.line % lines.length]!;
    if (r.bySku && lines.filter((l) => l.sku === line.sku).length > 1)
      return refuse(ValidationError, `${line.sku} is on several lines`);
    targets.push({ line, qty: r.qty });
  }
  if (new Set(targets.map((t) => t.line)).size < targets.length)
    return refuse(ValidationError, 'a line is listed twice');
  return targets;
}

/**
 * A deliberately simple in-memory model of the store: stock per (SKU, location) and bucket, and the orders
 * with their lines. `step` predicts an operation's outcome from the documented rules alone and, only when
 * the operation is accepted, applies it.
 */
export class StoreModel {
  readonly stock = new Map<Position, Stock>();
  readonly sales: SalesOrder[] = [];
  readonly purchases: PurchaseOrder[] = [];
  readonly works: WorkOrder[] = [];

  constructor(readonly allowNegative: boolean) {
    for (const sku of STOCKED)
      for (const loc of LOCS) this.stock.set(position(sku, loc), { onHand: 0, committed: 0, incoming: 0 });
  }

  /** An independent copy, to try several orders of the same operations. */
  clone(): StoreModel {
    const copy = new StoreModel(this.allowNegative);
    for (const [key, s] of this.stock) copy.stock.set(key, { ...s });
    copy.sales.push(...structuredClone(this.sales));
    copy.purchases.push(...structuredClone(this.purchases));
    copy.works.push(...structuredClone(this.works));
    return copy;
  }

  stockAt(sku: StockedSku, loc: Loc): Stock {
    return this.stock.get(position(sku, loc))!;
  }

  /** Available over every location: what the single all-locations channel counts. */
  available(sku: StockedSku): number {
    return LOCS.reduce<number>(
      (sum, loc) => sum + this.stockAt(sku, loc).onHand - this.stockAt(sku, loc).committed,
      0,
    );
  }

  step(op: Op): Prediction {
    switch (op.kind) {
      case 'createSales':
        return this.createSales(op);
      case 'shipSales':
        return this.shipSales(this.sales[op.order % this.sales.length]!, op.lines);
      case 'cancelSales':
        return this.cancelSales(this.sales[op.order % this.sales.length]!);
      case 'createPurchase':
        return this.createPurchase(op);
      case 'receivePurchase':
        return this.receivePurchase(this.purchases[op.order % this.purchases.length]!, op.lines);
      case 'cancelPurchase':
        return this.cancelPurchase(this.purchases[op.order % this.purchases.length]!);
      case 'createWork':
        return this.createWork(op);
      case 'completeWork':
        return this.completeWork(this.works[op.order % this.works.length]!);
      case 'cancelWork':
        return this.cancelWork(this.works[op.order % this.works.length]!);
      case 'adjust':
        return this.adjust(op);
      case 'upload':
        return this.upload(op);
      case 'feed':
        return this.feed(op);
    }
  }

  /**
   * Applies moves unless on hand would end below zero at a position the moves take down, in a store that
   * forbids negative stock. Committed and incoming going negative would be a broken model: fail loudly.
   */
  private move(moves: readonly Move[], error: ErrorType = InsufficientStockError): Prediction | null {
    const after = new Map<Position, Stock & { onHandDelta: number }>();
    for (const m of moves) {
      const key = position(m.sku, m.loc);
      const next = after.get(key) ?? { ...this.stock.get(key)!, onHandDelta: 0 };
      next[m.bucket] += m.delta;
      if (m.bucket === 'onHand') next.onHandDelta += m.delta;
      after.set(key, next);
    }
    for (const [key, s] of after) {
      if (!this.allowNegative && s.onHandDelta < 0 && s.onHand < 0)
        return refuse(error, `on hand of ${key} would become ${s.onHand}`);
      if (s.committed < 0 || s.incoming < 0)
        throw new Error(`model bug: ${key} went to ${JSON.stringify(s)}`);
    }
    for (const [key, { onHandDelta: _, ...s }] of after) this.stock.set(key, s);
    return null;
  }

  private createSales(op: Extract<Op, { kind: 'createSales' }>): Prediction {
    if (op.reuseNumber && this.sales.length > 0) return refuse(ConflictError, 'the order number is taken');
    const lines = op.lines.map((l) => ({
      sku: l.sku,
      qty: l.qty,
      shipped: 0,
      cancelled: 0,
      allocation: allocationOf(l.sku),
    }));
    this.move(
      lines.flatMap((l) =>
        [...l.allocation].map(([sku, per]) => ({
          sku,
          loc: op.loc,
          bucket: 'committed' as const,
          delta: per * l.qty,
        })),
      ),
    );
    this.sales.push({ loc: op.loc, status: 'open', lines });
    return { accepted: true, status: 'open' };
  }

  private shipSales(order: SalesOrder, requested: LineQty[] | null): Prediction {
    if (order.status !== 'open' && order.status !== 'partially_shipped')
      return refuse(InvalidStateError, `the order is ${order.status}`);
    const targets = requested
      ? resolveTargets(order.lines, requested)
      : order.lines
          .filter((l) => outstandingSales(l) > 0)
          .map((line) => ({ line, qty: outstandingSales(line) }));
    if (!Array.isArray(targets)) return targets;
    if (targets.some((t) => t.qty > outstandingSales(t.line)))
      return refuse(ValidationError, 'over-shipment');
    const refused = this.move(
      targets.flatMap((t) =>
        [...t.line.allocation].flatMap(([sku, per]) => [
          { sku, loc: order.loc, bucket: 'onHand' as const, delta: -per * t.qty },
          { sku, loc: order.loc, bucket: 'committed' as const, delta: -per * t.qty },
        ]),
      ),
    );
    if (refused) return refused;
    for (const t of targets) t.line.shipped += t.qty;
    const shippedAny = order.lines.some((l) => l.shipped > 0);
    const done = order.lines.every((l) => outstandingSales(l) === 0);
    order.status = done ? (shippedAny ? 'shipped' : 'cancelled') : shippedAny ? 'partially_shipped' : 'open';
    return { accepted: true, status: order.status };
  }

  private cancelSales(order: SalesOrder): Prediction {
    if (order.status !== 'open' && order.status !== 'partially_shipped')
      return refuse(InvalidStateError, `the order is ${order.status}`);
    this.move(
      order.lines.flatMap((l) =>
        [...l.allocation].map(([sku, per]) => ({
          sku,
          loc: order.loc,
          bucket: 'committed' as const,
          delta: -per * outstandingSales(l),
        })),
      ),
    );
    for (const l of order.lines) l.cancelled = l.qty - l.shipped;
    order.status = 'cancelled';
    return { accepted: true, status: 'cancelled' };
  }

  private createPurchase(op: Extract<Op, { kind: 'createPurchase' }>): Prediction {
    if (op.lines.some((l) => isKit(l.sku))) return refuse(ValidationError, 'a kit cannot be purchased');
    const lines = op.lines.map((l) => ({ sku: l.sku as StockedSku, qty: l.qty, received: 0 }));
    this.move(lines.map((l) => ({ sku: l.sku, loc: op.loc, bucket: 'incoming', delta: l.qty })));
    this.purchases.push({ loc: op.loc, status: 'open', lines });
    return { accepted: true, status: 'open' };
  }

  private receivePurchase(order: PurchaseOrder, requested: LineQty[]): Prediction {
    if (order.status !== 'open' && order.status !== 'partially_received')
      return refuse(InvalidStateError, `the order is ${order.status}`);
    const targets = resolveTargets(order.lines, requested);
    if (!Array.isArray(targets)) return targets;
    // Over-receipt: all of it goes on hand, incoming only drops by what was still outstanding.
    this.move(
      targets.flatMap((t) => [
        { sku: t.line.sku, loc: order.loc, bucket: 'onHand' as const, delta: t.qty },
        {
          sku: t.line.sku,
          loc: order.loc,
          bucket: 'incoming' as const,
          delta: -Math.min(t.qty, outstandingPurchase(t.line)),
        },
      ]),
    );
    for (const t of targets) t.line.received += t.qty;
    order.status = order.lines.every((l) => outstandingPurchase(l) === 0) ? 'received' : 'partially_received';
    return { accepted: true, status: order.status };
  }

  private cancelPurchase(order: PurchaseOrder): Prediction {
    if (order.status !== 'open' && order.status !== 'partially_received')
      return refuse(InvalidStateError, `the order is ${order.status}`);
    this.move(
      order.lines.map((l) => ({
        sku: l.sku,
        loc: order.loc,
        bucket: 'incoming',
        delta: -outstandingPurchase(l),
      })),
    );
    order.status = 'cancelled';
    return { accepted: true, status: 'cancelled' };
  }

  private createWork(op: Extract<Op, { kind: 'createWork' }>): Prediction {
    if (CATALOGUE[op.sku].kind !== 'assembly') return refuse(ValidationError, `${op.sku} is not an assembly`);
    const required = new Map([...billOfMaterials(op.sku)].map(([sku, per]) => [sku, per * op.qty]));
    this.move([...required].map(([sku, n]) => ({ sku, loc: op.loc, bucket: 'committed', delta: n })));
    this.works.push({ loc: op.loc, sku: op.sku as StockedSku, qty: op.qty, status: 'in_progress', required });
    return { accepted: true, status: 'in_progress' };
  }

  private completeWork(order: WorkOrder): Prediction {
    if (order.status !== 'in_progress') return refuse(InvalidStateError, `the work order is ${order.status}`);
    const refused = this.move([
      ...[...order.required].flatMap(([sku, n]) => [
        { sku, loc: order.loc, bucket: 'onHand' as const, delta: -n },
        { sku, loc: order.loc, bucket: 'committed' as const, delta: -n },
      ]),
      { sku: order.sku, loc: order.loc, bucket: 'onHand', delta: order.qty },
    ]);
    if (refused) return refused;
    order.status = 'completed';
    return { accepted: true, status: 'completed' };
  }

  private cancelWork(order: WorkOrder): Prediction {
    if (order.status !== 'in_progress') return refuse(InvalidStateError, `the work order is ${order.status}`);
    this.move(
      [...order.required].map(([sku, n]) => ({ sku, loc: order.loc, bucket: 'committed', delta: -n })),
    );
    order.status = 'cancelled';
    return { accepted: true, status: 'cancelled' };
  }

  private adjust(op: Extract<Op, { kind: 'adjust' }>): Prediction {
    if (op.lines.some((l) => isKit(l.sku))) return refuse(ValidationError, 'a kit cannot be adjusted');
    const positions = op.lines.map((l) => position(l.sku as StockedSku, l.loc));
    if (new Set(positions).size < positions.length)
      return refuse(ValidationError, 'a position is listed twice');
    return (
      this.move(
        op.lines.map((l) => {
          const sku = l.sku as StockedSku;
          const delta = 'set' in l ? l.set - this.stockAt(sku, l.loc).onHand : l.delta;
          return { sku, loc: l.loc, bucket: 'onHand', delta };
        }),
      ) ?? { accepted: true }
    );
  }

  private upload(op: Extract<Op, { kind: 'upload' }>): Prediction {
    const rows = op.rows.map((r) => ({ ...r, loc: r.loc ?? 0, mode: r.mode || op.defaultMode }));
    if (rows.some((r) => r.mode === 'set' && r.qty < 0))
      return refuse(CsvUploadError, 'a row sets a negative quantity');
    if (rows.some((r) => isKit(r.sku))) return refuse(CsvUploadError, 'a row names a kit');
    const positions = rows.map((r) => position(r.sku as StockedSku, r.loc));
    if (new Set(positions).size < positions.length)
      return refuse(CsvUploadError, 'a position is listed twice');
    return (
      this.move(
        rows.map((r) => {
          const sku = r.sku as StockedSku;
          const delta = r.mode === 'set' ? r.qty - this.stockAt(sku, r.loc).onHand : r.qty;
          return { sku, loc: r.loc, bucket: 'onHand', delta };
        }),
        CsvUploadError,
      ) ?? { accepted: true }
    );
  }

  private feed(op: Extract<Op, { kind: 'feed' }>): Prediction {
    const items = op.items.map((i) => ({ ...i, loc: i.loc ?? 0 }));
    // Positions are checked for duplicates before SKUs are looked at: unknown SKUs and kits count too.
    const positions = items.map((i) => `${i.sku}@${i.loc}`);
    if (new Set(positions).size < positions.length)
      return refuse(ValidationError, 'a position is listed twice');
    this.move(
      items.flatMap((i) => {
        if (i.sku === 'UNKNOWN' || isKit(i.sku)) return [];
        const sku = i.sku as StockedSku;
        return [
          { sku, loc: i.loc, bucket: 'onHand' as const, delta: i.onHand - this.stockAt(sku, i.loc).onHand },
        ];
      }),
    );
    return { accepted: true, status: 'applied' };
  }
}
