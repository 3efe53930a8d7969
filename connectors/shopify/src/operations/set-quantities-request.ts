import type { QuantityUpdate } from '@ballast/connector-kit';
import { compareEraOf, supportsIdempotency } from '../api-version.ts';
import { setQuantitiesCost } from '../cost-model.ts';
import type { ShopifyListingRef } from '../listing-ref.ts';
import { AVAILABLE } from './available-selection.ts';

type Update = QuantityUpdate<ShopifyListingRef>;

/** The entries one aliased `inventorySetQuantities` field carries. */
export interface SetQuantitiesGroup {
  /** The field's alias in the document and the key of its payload in `data`. */
  readonly alias: string;
  readonly updates: readonly Update[];
}

export interface SetQuantitiesRequest {
  readonly document: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly groups: readonly SetQuantitiesGroup[];
}

/** Shopify's reason for an absolute correction; `referenceDocumentUri` names the Ballast batch. */
const REASON = 'correction';

const PAYLOAD = `{
    inventoryAdjustmentGroup {
      id
      changes { name delta quantityAfterChange item { id } location { id } }
    }
    userErrors { code field message }
  }`;

/**
 * How a batch is split into `inventorySetQuantities` fields. From 2026-01 one field carries every entry,
 * each with its own `changeFromQuantity` (`null` when there is nothing to compare). Before, the compare
 * switch is per call (`ignoreCompareQuantity`), so entries with an expectation and entries without go in
 * two aliased fields of the same request.
 */
export function groupsOf(version: string, updates: readonly Update[]): SetQuantitiesGroup[] {
  if (compareEraOf(version) === 'change-from') return [{ alias: 'set', updates }];
  const compared = updates.filter((u) => u.expectedCurrent !== undefined);
  const unchecked = updates.filter((u) => u.expectedCurrent === undefined);
  return [
    ...(compared.length > 0 ? [{ alias: 'compared', updates: compared }] : []),
    ...(unchecked.length > 0 ? [{ alias: 'unchecked', updates: unchecked }] : []),
  ];
}

/** Cost points of the request for these updates (see `cost-model.ts`). */
export function setQuantitiesRequestCost(version: string, updates: readonly Update[]): number {
  return groupsOf(version, updates).reduce((sum, group) => sum + setQuantitiesCost(group.updates.length), 0);
}

/** The entries of one field, spelled for the version's compare-and-set era. */
export function entriesOf(version: string, updates: readonly Update[]): Record<string, unknown>[] {
  const era = compareEraOf(version);
  return updates.map((u) => {
    const entry: Record<string, unknown> = {
      inventoryItemId: u.listingRef.inventoryItemId,
      locationId: u.listingRef.locationId,
      quantity: u.quantity,
    };
    // From 2026-04 `changeFromQuantity` must be present on every entry; an explicit null opts out.
    if (era === 'change-from') entry.changeFromQuantity = u.expectedCurrent ?? null;
    else if (u.expectedCurrent !== undefined) entry.compareQuantity = u.expectedCurrent;
    return entry;
  });
}

/**
 * The mutation document and variables for one batch. `batchKey` names the batch: it is the
 * `@idempotent` key (2026-01 on) and the tail of `referenceDocumentUri`.
 */
export function buildSetQuantitiesRequest(
  version: string,
  updates: readonly Update[],
  batchKey: string,
): SetQuantitiesRequest {
  const groups = groupsOf(version, updates);
  const idempotent = supportsIdempotency(version);
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  for (const group of groups) {
    const input: Record<string, unknown> = {
      name: AVAILABLE,
      reason: REASON,
      referenceDocumentUri: `gid://ballast/SyncBatch/${batchKey}`,
      quantities: entriesOf(version, group.updates),
    };
    if (!idempotent) input.ignoreCompareQuantity = group.alias === 'unchecked';
    variables[group.alias] = input;
    declarations.push(`$${group.alias}: InventorySetQuantitiesInput!`);
    const directive = idempotent ? ' @idempotent(key: $idempotencyKey)' : '';
    fields.push(`  ${group.alias}: inventorySetQuantities(input: $${group.alias})${directive} ${PAYLOAD}`);
  }
  if (idempotent) {
    variables.idempotencyKey = batchKey;
    declarations.push('$idempotencyKey: String!');
  }
  const document = `mutation BallastSetQuantities(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`;
  return { document, variables, groups };
}
