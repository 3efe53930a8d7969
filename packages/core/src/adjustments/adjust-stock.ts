import type { Db } from '../db/connect.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { Adjustment, AdjustmentLine } from './adjustment.ts';
import { type AdjustmentInput, adjustmentInputSchema } from './adjustment-input.ts';
import { insertAdjustmentHeader, insertAdjustmentLines } from './adjustment-inserts.ts';
import { currentOnHand, positionKey } from './current-on-hand.ts';
import { type MadeBy, madeBySchema, SYSTEM_MADE_BY } from './made-by.ts';
import { resolvePositions } from './resolve-positions.ts';

export interface AdjustmentOptions extends OperationOptions {
  /** Who made the adjustment; default: the system. */
  madeBy?: MadeBy | undefined;
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
  options: AdjustmentOptions = {},
): Promise<Adjustment> {
  const data = parseInput(adjustmentInputSchema, input, 'adjustment');
  const key = idempotencyKeyOf(options);
  const madeBy = parseInput(madeBySchema, options.madeBy ?? SYSTEM_MADE_BY, 'madeBy');
  return runIdempotent(db, { storeId, key, operation: 'adjustment.create', request: data }, async (trx) => {
    const positions = await resolvePositions(trx, storeId, data.lines);
    assertDistinct(positions);
    // Only a set-to needs the quantity before the change; a delta learns it from the projection's answer.
    const counted = await currentOnHand(
      trx,
      storeId,
      positions,
      positions.filter((_, i) => data.lines[i]!.set !== undefined),
    );
    const deltas = data.lines.map((line, i) =>
      line.set !== undefined ? line.set - (counted.get(positionKey(positions[i]!)) ?? 0) : line.delta!,
    );

    const at = now();
    const note = data.note ?? null;
    const adjustmentId = await insertAdjustmentHeader(trx, {
      storeId,
      reason: data.reason,
      note,
      madeBy,
      at,
    });
    const recorded = await recordMovements(trx, {
      storeId,
      cause: { type: 'adjustment', ref: String(adjustmentId) },
      idempotencyKey: key ?? null,
      movements: positions.map((position, i) => ({
        productId: position.productId,
        locationId: position.locationId,
        bucket: 'on_hand' as const,
        delta: deltas[i]!,
        path: ['lines', i],
      })),
    });

    const after = new Map(recorded.positions.map((p) => [positionKey(p), p.onHand]));
    const lines = positions.map((position, i): AdjustmentLine => {
      const delta = deltas[i]!;
      // A zero delta (set to the current count) moved nothing, so the projection did not report it.
      const onHand = after.get(positionKey(position)) ?? counted.get(positionKey(position)) ?? 0;
      const { sku, productId, locationId } = position;
      const { set } = data.lines[i]!;
      const [mode, quantity] = set !== undefined ? (['set', set] as const) : (['delta', delta] as const);
      return { sku, productId, locationId, mode, quantity, before: onHand - delta, after: onHand, delta };
    });
    await insertAdjustmentLines(trx, storeId, adjustmentId, lines);
    return { id: adjustmentId, storeId, reason: data.reason, note, madeBy, createdAt: at, lines };
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
