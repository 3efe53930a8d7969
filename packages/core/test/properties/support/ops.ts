import fc from 'fast-check';
import { KITS, type Loc, type Sku, STOCKED } from './catalogue.ts';

/**
 * One domain operation as plain data, so that fast-check can print and shrink it. Orders are named by their
 * creation index (taken modulo the number of orders of that type), lines by their index on the order.
 */
export type Op =
  | { kind: 'createSales'; loc: Loc; lines: { sku: Sku; qty: number }[]; reuseNumber: boolean }
  | { kind: 'shipSales'; order: number; lines: LineQty[] | null }
  | { kind: 'cancelSales'; order: number }
  | { kind: 'createPurchase'; loc: Loc; lines: { sku: Sku; qty: number }[] }
  | { kind: 'receivePurchase'; order: number; lines: LineQty[] }
  | { kind: 'cancelPurchase'; order: number }
  | { kind: 'createWork'; sku: Sku; qty: number; loc: Loc }
  | { kind: 'completeWork'; order: number }
  | { kind: 'cancelWork'; order: number }
  | { kind: 'adjust'; lines: AdjustLine[] }
  | { kind: 'upload'; defaultMode: 'set' | 'delta'; rows: UploadRow[] }
  | { kind: 'feed'; items: FeedItem[] };

export type OpKind = Op['kind'];
export interface LineQty {
  line: number;
  qty: number;
  /** Name the line by its SKU instead of its id (refused when the SKU is on several lines). */
  bySku: boolean;
}
export type AdjustLine = { sku: Sku; loc: Loc } & ({ set: number } | { delta: number });
export interface UploadRow {
  sku: Sku;
  /** null = empty location cell (the default location). */
  loc: Loc | null;
  /** '' = the upload's default mode. */
  mode: '' | 'set' | 'delta';
  qty: number;
}
export interface FeedItem {
  sku: Sku | 'UNKNOWN';
  /** null = no location given (the default location). */
  loc: Loc | null;
  onHand: number;
}

/** Which order list an operation acts on, if any. */
export function orderListOf(op: Op): 'sales' | 'purchases' | 'works' | null {
  switch (op.kind) {
    case 'shipSales':
    case 'cancelSales':
      return 'sales';
    case 'receivePurchase':
    case 'cancelPurchase':
      return 'purchases';
    case 'completeWork':
    case 'cancelWork':
      return 'works';
    default:
      return null;
  }
}

export const describeOp = (op: Op): string => {
  const { kind, ...rest } = op;
  return `${kind}(${JSON.stringify(rest)})`;
};

const loc = fc.constantFrom<Loc>(0, 1);
const optionalLoc = fc.constantFrom<Loc | null>(0, 1, null);
const orderIndex = fc.nat({ max: 7 });
/** `rare` about once in `odds` draws: refusals stay common enough to test without drowning the rest. */
const rarely = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, odds = 10) =>
  fc.oneof({ weight: odds - 1, arbitrary: usual }, { weight: 1, arbitrary: rare });
const stockedSku = fc.constantFrom<Sku>(...STOCKED);
const anySku = fc.constantFrom<Sku>(...STOCKED, ...KITS);
/** Mostly stock-holding SKUs; now and then a kit, which operations on stock itself must refuse. */
const stockSku = rarely(stockedSku, fc.constantFrom<Sku>(...KITS), 25);
/** Mostly one line; two lines may name the same line twice, which must be refused. */
const lineQty = (max: number) => {
  const target = fc.record({
    line: fc.nat({ max: 3 }),
    qty: fc.integer({ min: 1, max }),
    bySku: rarely(fc.constant(false), fc.constant(true), 4),
  });
  return rarely(fc.tuple(target), fc.array(target, { minLength: 2, maxLength: 2 }), 4).map(
    (lines): LineQty[] => [...lines],
  );
};

export const opArbitraries: { [K in OpKind]: fc.Arbitrary<Extract<Op, { kind: K }>> } = {
  createSales: fc.record({
    kind: fc.constant('createSales'),
    loc,
    lines: fc.array(fc.record({ sku: anySku, qty: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    reuseNumber: rarely(fc.constant(false), fc.constant(true)),
  }),
  shipSales: fc.record({
    kind: fc.constant('shipSales'),
    order: orderIndex,
    lines: fc.option(lineQty(4), { nil: null, freq: 2 }),
  }),
  cancelSales: fc.record({ kind: fc.constant('cancelSales'), order: orderIndex }),
  createPurchase: fc.record({
    kind: fc.constant('createPurchase'),
    loc,
    lines: fc.array(fc.record({ sku: stockSku, qty: fc.integer({ min: 1, max: 8 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  receivePurchase: fc.record({ kind: fc.constant('receivePurchase'), order: orderIndex, lines: lineQty(10) }),
  cancelPurchase: fc.record({ kind: fc.constant('cancelPurchase'), order: orderIndex }),
  createWork: fc.record({
    kind: fc.constant('createWork'),
    sku: rarely(fc.constant<Sku>('ASM'), fc.constantFrom<Sku>('A', 'KIT')),
    qty: fc.integer({ min: 1, max: 3 }),
    loc,
  }),
  completeWork: fc.record({ kind: fc.constant('completeWork'), order: orderIndex }),
  cancelWork: fc.record({ kind: fc.constant('cancelWork'), order: orderIndex }),
  adjust: fc.record({
    kind: fc.constant('adjust'),
    lines: fc.array(
      fc.oneof(
        fc.record({ sku: stockSku, loc, set: fc.nat({ max: 15 }) }),
        fc.record({
          sku: stockSku,
          loc,
          delta: fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  upload: fc.record({
    kind: fc.constant('upload'),
    defaultMode: fc.constantFrom('set', 'delta'),
    rows: fc.array(
      fc.record({
        sku: stockSku,
        loc: optionalLoc,
        mode: fc.constantFrom('', 'set', 'delta'),
        qty: rarely(fc.nat({ max: 12 }), fc.integer({ min: -6, max: -1 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  feed: fc.record({
    kind: fc.constant('feed'),
    items: fc.array(
      fc.record({
        sku: rarely(stockedSku, fc.constantFrom<Sku | 'UNKNOWN'>('UNKNOWN', ...KITS)),
        loc: optionalLoc,
        onHand: fc.nat({ max: 15 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
};

/** How often each operation is drawn: stock-moving steps more often than cancellations. */
export const OP_WEIGHTS: Record<OpKind, number> = {
  createSales: 3,
  shipSales: 4,
  cancelSales: 1,
  createPurchase: 2,
  receivePurchase: 3,
  cancelPurchase: 1,
  createWork: 2,
  completeWork: 2,
  cancelWork: 1,
  adjust: 3,
  upload: 2,
  feed: 2,
};

export const OP_KINDS = Object.keys(OP_WEIGHTS) as OpKind[];

/** Any operation, weighted by OP_WEIGHTS; `kinds` narrows the choice. */
export function opArbitrary(kinds: readonly OpKind[] = OP_KINDS): fc.Arbitrary<Op> {
  return fc.oneof(
    ...kinds.map((kind) => ({
      weight: OP_WEIGHTS[kind],
      arbitrary: opArbitraries[kind] as fc.Arbitrary<Op>,
    })),
  );
}
