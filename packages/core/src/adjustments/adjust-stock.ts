import type { Db } from '../db/connect.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { resolveLineProducts } from '../products/resolve-line-products.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type AdjustmentInput, adjustmentInputSchema } from './adjustment-input.ts';
import { currentOnHand, positionKey } from './current-on-hand.ts';
import { resolveLineLocations } from './line-locations.ts';

export interface AdjustmentLine {
  sku: string;
  productId: number;
  locationId: number;
  /** On hand at the location just before the adjustment. */
  before: number;
  after: number;
  delta: number;
}

export interface Adjustment {
  id: number;
  storeId: number;
  reason: string;
  note: string | null;
  createdAt: number;
  lines: AdjustmentLine[];
}

/**
 * Adjusts on hand by hand, with a reason. Each line either sets the counted quantity (`set`: the movement is
 * the difference to the on hand read inside the transaction) or changes it (`delta`). Kits have no stock of
 * their own and cannot be adjusted; a position may appear once per adjustment. With negative stock
 * forbidden, a delta taking on hand below zero is an InsufficientStockError and nothing is written.
 *
 * @example
 * await adjustStock(db, storeId, { reason: 'cycle count', lines: [{ sku: 'MUG', set: 12 }, { sku: 'CUP', delta: -1 }] });
 */
export async function adjustStock(
  db: Db,
  storeId: number,
  input: AdjustmentInput,
  options: OperationOptions = {},
): Promise<Adjustment> {
  const data = parseInput(adjustmentInputSchema, input, 'adjustment');
  const key = idempotencyKeyOf(options);
  return runIdempotent(db, { storeId, key, operation: 'adjustment.create', request: data }, async (trx) => {
    const products = await resolveLineProducts(trx, storeId, data.lines, {
      what: 'adjustment',
      refuse: { kit: 'a kit has no stock of its own; adjust its components' },
    });
    const locationIds = await resolveLineLocations(trx, storeId, data.lines);
    const positions = data.lines.map((_, i) => ({ productId: products[i]!.id, locationId: locationIds[i]! }));
    assertDistinct(positions);
    const onHand = await currentOnHand(trx, storeId, positions);

    const at = now();
    const adjustment = await trx
      .insertInto('adjustments')
      .values({ storeId, reason: data.reason, note: data.note ?? null, createdAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();

    const lines = data.lines.map((line, i): AdjustmentLine => {
      const before = onHand.get(positionKey(positions[i]!)) ?? 0;
      const delta = line.set !== undefined ? line.set - before : line.delta!;
      return { sku: products[i]!.sku, ...positions[i]!, before, after: before + delta, delta };
    });
    await recordMovements(trx, {
      storeId,
      cause: { type: 'adjustment', ref: String(adjustment.id) },
      idempotencyKey: key ?? null,
      movements: lines.map((line, i) => ({
        productId: line.productId,
        locationId: line.locationId,
        bucket: 'on_hand' as const,
        delta: line.delta,
        path: ['lines', i],
      })),
    });
    return { id: adjustment.id, storeId, reason: data.reason, note: data.note ?? null, createdAt: at, lines };
  });
}

/** A position twice in one adjustment would make `set` ambiguous; refuse it for deltas too, for one rule. */
function assertDistinct(positions: readonly { productId: number; locationId: number }[]): void {
  const first = new Map<string, number>();
  const issues: FieldIssue[] = [];
  positions.forEach((p, i) => {
    const earlier = first.get(positionKey(p));
    if (earlier === undefined) first.set(positionKey(p), i);
    else issues.push({ path: ['lines', i], message: `same SKU and location as line ${earlier}` });
  });
  if (issues.length > 0) throw new ValidationError('invalid adjustment', issues);
}
