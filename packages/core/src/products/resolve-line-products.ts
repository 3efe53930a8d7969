import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { productIdsBySku } from './products.ts';

export interface LineProduct {
  id: number;
  sku: string;
  kind: ProductKind;
}

export interface ResolveLineOptions {
  /** What the document is called in the error message, e.g. "sales order". */
  what: string;
  /** Kinds the document may not carry, with the reason shown at the line's `sku` path. */
  refuse?: Partial<Record<ProductKind, string>>;
}

/**
 * Resolves the SKU of each line (`lines[i].sku`) to one of the store's products, in one query per 1,000 SKUs.
 * Every unknown or refused SKU is reported at once, each at its own `['lines', i, 'sku']` path.
 */
export async function resolveLineProducts(
  db: Db,
  storeId: number,
  lines: readonly { sku: string }[],
  options: ResolveLineOptions,
): Promise<LineProduct[]> {
  const found = await productIdsBySku(
    db,
    storeId,
    lines.map((l) => l.sku),
  );
  const issues: FieldIssue[] = [];
  const products = lines.map((line, i) => {
    const product = found.get(line.sku);
    const refused = product && options.refuse?.[product.kind];
    if (!product) issues.push({ path: ['lines', i, 'sku'], message: `unknown SKU "${line.sku}"` });
    else if (refused) issues.push({ path: ['lines', i, 'sku'], message: refused });
    return { id: product?.id ?? 0, sku: line.sku, kind: product?.kind ?? 'simple' };
  });
  if (issues.length > 0) throw new ValidationError(`invalid ${options.what}`, issues);
  return products;
}
