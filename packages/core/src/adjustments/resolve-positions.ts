import type { Db } from '../db/connect.ts';
import { type FieldIssue, NotFoundError, ValidationError } from '../errors.ts';
import type { StockPosition } from './current-on-hand.ts';

export interface AdjustedPosition extends StockPosition {
  sku: string;
}

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
  // Rows = products x named locations; an adjustment names few locations, so this stays small.
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('locations as l', 'l.storeId', 'p.storeId')
    .select(['p.id', 'p.sku', 'p.kind', 'l.id as locationId', 'l.isDefault'])
    .where('p.storeId', '=', storeId)
    .where('p.sku', 'in', skus)
    .where((eb) =>
      given.length > 0
        ? eb.or([eb('l.isDefault', '=', 1), eb('l.id', 'in', given)])
        : eb('l.isDefault', '=', 1),
    )
    .execute();
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
