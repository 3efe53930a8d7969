import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import { type FieldIssue, NotFoundError, ValidationError } from '../errors.ts';
import type { StockPosition } from './current-on-hand.ts';

export interface AdjustedPosition extends StockPosition {
  sku: string;
}

interface PositionRow {
  id: number;
  sku: string;
  kind: ProductKind;
  locationId: number;
  isDefault: number;
}

/**
 * Params: store, the SKUs, then the named location ids; shape `skus:locations`. Rows = products x (the
 * default location and the named ones); an adjustment names few locations, so this stays small. Prepared,
 * since it runs on every adjustment (see preparedQuery).
 */
const positionRows = preparedQuery<PositionRow, `${number}:${number}`>((slot, shape) => {
  const [skuCount, locationCount] = shape.split(':').map(Number) as [number, number];
  const locations =
    locationCount > 0
      ? sql`(l.is_default = 1 or l.id in (${slotList(slot, 1 + skuCount, locationCount)}))`
      : sql`l.is_default = 1`;
  return sql<PositionRow>`select p.id, p.sku, p.kind, l.id as location_id, l.is_default
    from products as p
    inner join locations as l on l.store_id = p.store_id
    where p.store_id = ${slot(0)} and p.sku in (${slotList(slot, 1, skuCount)}) and ${locations}`;
});

/**
 * Resolves each line's SKU and optional location (omitted = the store's default) to one stock position, in
 * one query: the store's products with those SKUs joined to the locations the lines name. Unknown SKUs and
 * kits are reported together at `['lines', i, 'sku']`; then the first unknown (or other store's) location is
 * a NotFoundError at `['lines', i, 'locationId']`.
 */
export async function resolvePositions(
  db: Db,
  storeId: number,
  lines: readonly { sku: string; locationId?: number | undefined }[],
): Promise<AdjustedPosition[]> {
  const skus = [...new Set(lines.map((l) => l.sku))];
  const given = [...new Set(lines.flatMap((l) => (l.locationId === undefined ? [] : [l.locationId])))];
  const { rows } = await positionRows(db, `${skus.length}:${given.length}`, [storeId, ...skus, ...given]);
  const products = new Map(rows.map((r) => [r.sku, r]));
  const locations = new Set(rows.map((r) => r.locationId));
  const defaultId = rows.find((r) => r.isDefault === 1)?.locationId;

  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    const product = products.get(line.sku);
    if (!product) issues.push({ path: ['lines', i, 'sku'], message: `unknown SKU "${line.sku}"` });
    else if (product.kind === 'kit')
      issues.push({
        path: ['lines', i, 'sku'],
        message: 'a kit has no stock of its own; adjust its components',
      });
  });
  if (issues.length > 0) throw new ValidationError('invalid adjustment', issues);

  return lines.map((line, i) => {
    const locationId = line.locationId ?? defaultId;
    if (locationId === undefined || !locations.has(locationId)) {
      throw new NotFoundError('location', ['lines', i, 'locationId']);
    }
    return { productId: products.get(line.sku)!.id, sku: line.sku, locationId };
  });
}
