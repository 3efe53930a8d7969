import type { PartialFailure } from '@ballast/connector-kit/testing';
import { type CompareEra, compareEraOf } from '../api-version.ts';
import type { ShopState } from './shop-state.ts';
import { itemView, locationView } from './views.ts';

/**
 * Whether one bad entry fails the whole `inventorySetQuantities` call (**unconfirmed**). `atomic` (the
 * default, what an inventory adjustment group most likely does) applies nothing when any entry has an error;
 * `per-entry` applies every entry without one.
 */
export type UserErrorMode = 'atomic' | 'per-entry';

export interface SetQuantitiesInput {
  readonly name: string;
  readonly reason: string;
  readonly referenceDocumentUri?: string | null;
  readonly ignoreCompareQuantity?: boolean | null;
  readonly quantities: readonly {
    readonly inventoryItemId: string;
    readonly locationId: string;
    readonly quantity: number;
    readonly compareQuantity?: number | null;
    readonly changeFromQuantity?: number | null;
  }[];
}

export interface MutationContext {
  readonly version: string;
  readonly state: ShopState;
  readonly mode: UserErrorMode;
  readonly partialFailureFor: (sku: string) => PartialFailure | undefined;
  readonly now: number;
}

export interface SimUserError {
  readonly code: string | null;
  readonly field: readonly string[] | null;
  readonly message: string;
}

const NAMES = new Set(['available', 'on_hand']);
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);
const BOUND = 1_000_000_000;
const URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/** Error codes each era's enum has, for scripted per-entry failures. */
const CODES = {
  'compare-quantity': new Set([
    'INVALID_INVENTORY_ITEM',
    'INVALID_LOCATION',
    'INVALID_QUANTITY_NEGATIVE',
    'INVALID_REASON',
    'INVALID_REFERENCE_DOCUMENT',
    'ITEM_NOT_STOCKED_AT_LOCATION',
    'INVALID_QUANTITY_TOO_HIGH',
    'INVALID_QUANTITY_TOO_LOW',
    'INVALID_NAME',
    'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
    'NON_MUTABLE_INVENTORY_ITEM',
    'COMPARE_QUANTITY_REQUIRED',
    'COMPARE_QUANTITY_STALE',
  ]),
  'change-from': new Set([
    'INVALID_INVENTORY_ITEM',
    'INVALID_LOCATION',
    'INVALID_QUANTITY_NEGATIVE',
    'INVALID_REASON',
    'INVALID_REFERENCE_DOCUMENT',
    'ITEM_NOT_STOCKED_AT_LOCATION',
    'INVALID_QUANTITY_TOO_HIGH',
    'INVALID_QUANTITY_TOO_LOW',
    'INVALID_NAME',
    'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
    'NON_MUTABLE_INVENTORY_ITEM',
    'CHANGE_FROM_QUANTITY_STALE',
    'IDEMPOTENCY_CONCURRENT_REQUEST',
    'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
    'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED',
  ]),
} as const;

type Entry = SetQuantitiesInput['quantities'][number];

interface EntryError {
  readonly code: string | null;
  /** The entry's field the error points at. */
  readonly field: string;
  readonly message: string;
}

/** The first thing wrong with one entry, in the order Shopify most plausibly checks. */
function entryError(
  entry: Entry,
  input: SetQuantitiesInput,
  ctx: MutationContext,
  era: CompareEra,
  seen: Set<string>,
): EntryError | undefined {
  const { state } = ctx;
  const item = state.item(entry.inventoryItemId);
  if (!item) {
    return {
      code: 'INVALID_INVENTORY_ITEM',
      field: 'inventoryItemId',
      message: 'The specified inventory item could not be found.',
    };
  }
  if (!state.hasLocation(entry.locationId)) {
    return {
      code: 'INVALID_LOCATION',
      field: 'locationId',
      message: 'The specified location could not be found.',
    };
  }
  const pair = `${entry.inventoryItemId} ${entry.locationId}`;
  if (seen.has(pair)) {
    return {
      code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
      field: 'inventoryItemId',
      message: 'The combination of inventoryItemId and locationId must be unique.',
    };
  }
  seen.add(pair);
  if (!item.mutable) {
    return {
      code: 'NON_MUTABLE_INVENTORY_ITEM',
      field: 'inventoryItemId',
      message: 'The inventory item cannot be modified.',
    };
  }
  const current = item.levels.get(entry.locationId);
  if (current === undefined) {
    return {
      code: 'ITEM_NOT_STOCKED_AT_LOCATION',
      field: 'locationId',
      message: 'The specified inventory item is not stocked at the location.',
    };
  }
  if (entry.quantity > BOUND)
    return { code: 'INVALID_QUANTITY_TOO_HIGH', field: 'quantity', message: 'The quantity is too high.' };
  if (entry.quantity < -BOUND)
    return { code: 'INVALID_QUANTITY_TOO_LOW', field: 'quantity', message: 'The quantity is too low.' };
  if (input.name === 'on_hand' && entry.quantity < 0) {
    return {
      code: 'INVALID_QUANTITY_NEGATIVE',
      field: 'quantity',
      message: 'The quantity cannot be negative.',
    };
  }
  const injected = item.sku === null ? undefined : ctx.partialFailureFor(item.sku);
  if (injected) {
    const known = injected.code !== undefined && CODES[era].has(injected.code);
    // Only 2026-01 on has a per-entry code a retry can cure; before, a transient one has no code.
    const code = known
      ? injected.code!
      : injected.retryable
        ? era === 'change-from'
          ? 'IDEMPOTENCY_CONCURRENT_REQUEST'
          : null
        : 'INVALID_INVENTORY_ITEM';
    return { code, field: 'inventoryItemId', message: injected.message ?? 'injected failure' };
  }
  if (era === 'change-from') {
    if (entry.changeFromQuantity != null && entry.changeFromQuantity !== current) {
      return {
        code: 'CHANGE_FROM_QUANTITY_STALE',
        field: 'changeFromQuantity',
        message: 'The changeFromQuantity does not match the current quantity.',
      };
    }
  } else if (input.ignoreCompareQuantity !== true) {
    if (entry.compareQuantity == null) {
      return {
        code: 'COMPARE_QUANTITY_REQUIRED',
        field: 'compareQuantity',
        message: 'A compareQuantity is required.',
      };
    }
    if (entry.compareQuantity !== current) {
      return {
        code: 'COMPARE_QUANTITY_STALE',
        field: 'compareQuantity',
        message: 'The compareQuantity does not match the persisted value.',
      };
    }
  }
  return undefined;
}

/** A whole-call user error (an idempotency refusal), with nothing applied. */
export function refusedPayload(code: string, message: string) {
  return { inventoryAdjustmentGroup: null, userErrors: [{ code, field: ['input'], message }] };
}

/** Validates every entry, then applies (all, or those without errors: see `UserErrorMode`). */
export function applySetQuantities(input: SetQuantitiesInput, ctx: MutationContext) {
  const { state } = ctx;
  const era = compareEraOf(ctx.version);
  const errors: SimUserError[] = [];
  if (!NAMES.has(input.name)) {
    errors.push({ code: 'INVALID_NAME', field: ['input', 'name'], message: `${input.name} is not settable` });
  }
  if (!REASONS.has(input.reason)) {
    errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: 'The reason is invalid.' });
  }
  if (input.referenceDocumentUri != null && !URI.test(input.referenceDocumentUri)) {
    errors.push({
      code: 'INVALID_REFERENCE_DOCUMENT',
      field: ['input', 'referenceDocumentUri'],
      message: 'The reference document URI is invalid.',
    });
  }
  const seen = new Set<string>();
  const failing = new Set<number>();
  input.quantities.forEach((entry, index) => {
    const error = entryError(entry, input, ctx, era, seen);
    if (!error) return;
    errors.push({
      code: error.code,
      field: ['input', 'quantities', String(index), error.field],
      message: error.message,
    });
    failing.add(index);
  });

  const wholeCall = errors.some((e) => e.field?.[1] !== 'quantities');
  if (errors.length > 0 && (ctx.mode === 'atomic' || wholeCall)) {
    return { inventoryAdjustmentGroup: null, userErrors: errors };
  }
  const changes = input.quantities.flatMap((entry, index) => {
    if (failing.has(index)) return [];
    const item = state.item(entry.inventoryItemId)!;
    const before = item.levels.get(entry.locationId) ?? 0;
    const delta = entry.quantity - before;
    if (delta === 0) return [];
    item.levels.set(entry.locationId, entry.quantity);
    const base = {
      delta,
      item: itemView(state, item),
      location: locationView(entry.locationId),
      ledgerDocumentUri: null,
    };
    // Setting `available` moves `on_hand` by the same delta (no committed stock here), and vice versa.
    return [
      { ...base, name: 'available', quantityAfterChange: entry.quantity },
      { ...base, name: 'on_hand', quantityAfterChange: null },
    ];
  });
  // Shopify answers a null group when nothing changed.
  const group =
    changes.length === 0
      ? null
      : {
          __typename: 'InventoryAdjustmentGroup' as const,
          id: state.nextAdjustmentGroupId(),
          reason: input.reason,
          referenceDocumentUri: input.referenceDocumentUri ?? null,
          createdAt: new Date(ctx.now).toISOString(),
          changes: (args: {
            readonly inventoryItemIds?: readonly string[] | null;
            readonly locationIds?: readonly string[] | null;
            readonly quantityNames?: readonly string[] | null;
          }) =>
            changes.filter(
              (c) =>
                (!args.inventoryItemIds || args.inventoryItemIds.includes(c.item.id)) &&
                (!args.locationIds || args.locationIds.includes(c.location.id)) &&
                (!args.quantityNames || args.quantityNames.includes(c.name)),
            ),
        };
  return { inventoryAdjustmentGroup: group, userErrors: errors };
}
