import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { readOnHand } from './current-on-hand.ts';
import { locationsByName } from './location-names.ts';
import { productsBySku } from './products-by-sku.ts';
import { RowErrors } from './row-errors.ts';
import type { UploadRow } from './upload-format.ts';

/** A row resolved against the store: which product and location it moves, and from what to what. */
export interface PlannedRow extends UploadRow {
  productId: number;
  locationId: number;
  locationName: string;
  onHandBefore: number;
  onHandAfter: number;
}

export interface UploadPlan {
  /** Rows that passed every check, in file order. */
  rows: PlannedRow[];
  /** Unknown SKUs and locations, kits, duplicates. */
  lookupErrors: RowErrors;
  /** Negative stock and out-of-range results. */
  quantityErrors: RowErrors;
}

export interface UploadStore {
  id: number;
  allowNegative: boolean;
}

// The quantities column is a 32-bit integer on PostgreSQL.
const MAX_ON_HAND = 2_147_483_647;

/** The store's settings that upload checks need; NotFoundError when the store does not exist. */
export async function uploadStore(db: Db, storeId: number): Promise<UploadStore> {
  const store = await db
    .selectFrom('stores')
    .select(['id', 'allowNegative'])
    .where('id', '=', storeId)
    .executeTakeFirst();
  if (!store) throw new NotFoundError('store');
  return { id: store.id, allowNegative: store.allowNegative === 1 };
}

/**
 * Checks well-formed rows against the store in bulk (SKUs and current quantities a few queries per thousand
 * rows, never one per row) and computes each row's result. With `lock`, quantities are read for update
 * (see readOnHand), so "set to" deltas computed here stay right until the transaction commits.
 */
export async function planUpload(
  db: Db,
  store: UploadStore,
  rows: readonly UploadRow[],
  options: { lock?: boolean } = {},
): Promise<UploadPlan> {
  const lookupErrors = new RowErrors();
  const quantityErrors = new RowErrors();
  if (rows.length === 0) return { rows: [], lookupErrors, quantityErrors };

  const findLocation = await locationsByName(db, store.id);
  const products = await productsBySku(
    db,
    store.id,
    rows.map((r) => r.sku),
  );

  // Rows are built field by field: object spread in a loop over 10,000 rows costs more than all the lookups.
  const resolved: PlannedRow[] = [];
  const firstRowAt = new Map<number | string, Map<string, number>>();
  for (const row of rows) {
    const product = products.get(row.sku);
    const location = findLocation(row.location);
    if (!product) lookupErrors.add(row.row, 'sku', `unknown SKU "${row.sku}"`);
    else if (product.kind === 'kit')
      lookupErrors.add(row.row, 'sku', `"${row.sku}" is a kit; kits have no stock of their own`);
    if (!location) lookupErrors.add(row.row, 'location', `unknown location "${row.location}"`);

    const locationKey = location ? location.id : `?${row.location}`;
    let firstRowOf = firstRowAt.get(locationKey);
    if (!firstRowOf) {
      firstRowOf = new Map();
      firstRowAt.set(locationKey, firstRowOf);
    }
    const first = firstRowOf.get(row.sku);
    if (first !== undefined) {
      const at = location ? location.name : row.location;
      lookupErrors.add(row.row, 'sku', `"${row.sku}" at ${at} is already on row ${first}`);
      continue;
    }
    firstRowOf.set(row.sku, row.row);
    if (product && product.kind !== 'kit' && location) {
      resolved.push({
        row: row.row,
        sku: row.sku,
        quantity: row.quantity,
        mode: row.mode,
        location: row.location,
        productId: product.id,
        locationId: location.id,
        locationName: location.name,
        onHandBefore: 0,
        onHandAfter: 0,
      });
    }
  }

  const onHand = await readOnHand(db, store.id, resolved, { lock: options.lock ?? false });
  const planned: PlannedRow[] = [];
  for (const row of resolved) {
    const before = onHand.get(row.productId, row.locationId);
    const after = row.mode === 'set' ? row.quantity : before + row.quantity;
    if (after < 0 && after < before && !store.allowNegative) {
      quantityErrors.add(
        row.row,
        'quantity',
        `on hand of "${row.sku}" at ${row.locationName} would become ${after} (now ${before}); this store does not allow negative stock`,
      );
    } else if (Math.abs(after) > MAX_ON_HAND) {
      quantityErrors.add(row.row, 'quantity', `on hand would become ${after}, beyond the largest quantity`);
    } else {
      row.onHandBefore = before;
      row.onHandAfter = after;
      planned.push(row);
    }
  }
  return { rows: planned, lookupErrors, quantityErrors };
}
