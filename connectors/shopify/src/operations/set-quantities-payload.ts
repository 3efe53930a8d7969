import type { ItemResult } from '@ballast/connector-kit';
import { z } from 'zod';
import { AVAILABLE } from './available-selection.ts';
import type { SetQuantitiesGroup } from './set-quantities-request.ts';
import { classifyUserError, entryIndexOf, type UserError, userErrorSchema, worstOf } from './user-errors.ts';

const idSchema = z.object({ id: z.string() }).nullable();

export const setQuantitiesPayloadSchema = z
  .object({
    inventoryAdjustmentGroup: z
      .object({
        id: z.string(),
        changes: z.array(
          z.object({
            name: z.string(),
            delta: z.number().int(),
            quantityAfterChange: z.number().int().nullable(),
            item: idSchema,
            location: idSchema,
          }),
        ),
      })
      .nullable(),
    userErrors: z.array(userErrorSchema),
  })
  .nullable();
export type SetQuantitiesPayload = z.infer<typeof setQuantitiesPayloadSchema>;

export interface GroupVerdict {
  readonly items: readonly ItemResult[];
  /** Shopify will never accept this call's idempotency key again. */
  readonly retireKey: boolean;
}

/**
 * Per-entry results of one `inventorySetQuantities` field. An error that names an entry (by its `field`
 * path) is that entry's; one that names none is every entry's. When Shopify refused the call but an entry
 * has no error of its own, the entry was not applied because of another one (whether one bad entry fails
 * the whole mutation is **unconfirmed**; the simulator plays both): it is transient, so it is retried.
 */
export function verdictsOf(group: SetQuantitiesGroup, payload: SetQuantitiesPayload): GroupVerdict {
  if (!payload) {
    return {
      items: group.updates.map(({ key }) => ({
        key,
        status: 'transient',
        code: 'missing_payload',
        message: 'Shopify answered without a payload for this call',
      })),
      retireKey: false,
    };
  }
  const own = new Map<number, UserError[]>();
  const general: UserError[] = [];
  for (const error of payload.userErrors) {
    const index = entryIndexOf(error.field);
    if (index === undefined || index >= group.updates.length) general.push(error);
    else own.set(index, [...(own.get(index) ?? []), error]);
  }
  const applied = payload.inventoryAdjustmentGroup;
  const refused = payload.userErrors.length > 0 && applied === null;
  const firstError = payload.userErrors[0];
  let retireKey = false;

  const items = group.updates.map((update, index): ItemResult => {
    const error = worstOf(own.get(index) ?? general);
    if (error) {
      const verdict = classifyUserError(error);
      if (verdict.kind === 'transient' && verdict.retireKey) retireKey = true;
      return resultOf(update.key, error, verdict.kind);
    }
    if (refused && firstError) {
      return {
        key: update.key,
        status: 'transient',
        code: 'not_applied',
        message: `Shopify refused the call because of another entry (${firstError.code ?? 'error'}: ${firstError.message})`,
      };
    }
    const change = applied?.changes.find(
      (c) =>
        c.name === AVAILABLE &&
        c.item?.id === update.listingRef.inventoryItemId &&
        c.location?.id === update.listingRef.locationId,
    );
    const quantity = change?.quantityAfterChange ?? undefined;
    return quantity == null ? { key: update.key, status: 'ok' } : { key: update.key, status: 'ok', quantity };
  });
  return { items, retireKey };
}

function resultOf(key: string, error: UserError, kind: 'stale' | 'transient' | 'permanent'): ItemResult {
  if (kind === 'stale') return { key, status: 'stale' };
  return { key, status: kind, code: error.code ?? 'user_error', message: error.message };
}
