import { type Catalog, type SimProduct, stockStatusOf } from './catalog.ts';

/**
 * A product as `/products` answers it (a variation found by SKU there comes back with
 * `type: "variation"` and its `parent_id`), or, with `asVariation`, as the `/variations` endpoint answers
 * it (the variation schema has neither field). A variation whose parent manages its stock shows
 * `manage_stock: "parent"` and the parent's quantity.
 */
export function productJson(
  catalog: Catalog,
  product: SimProduct,
  options: { readonly asVariation?: boolean } = {},
): Record<string, unknown> {
  const parent = product.parentId ? catalog.get(product.parentId) : undefined;
  const inherited = product.manageStock === 'parent' ? parent : undefined;
  const stock = {
    manage_stock: product.manageStock,
    stock_quantity: inherited ? inherited.stockQuantity : product.stockQuantity,
    stock_status: stockStatusOf(inherited ?? product),
    backorders: 'no',
  };
  const common = {
    id: product.id,
    sku: product.sku,
    status: product.status,
    permalink: `https://shop.example/?p=${product.id}`,
    ...stock,
  };
  if (options.asVariation) return { ...common, description: '', attributes: [] };
  return {
    ...common,
    name: product.type === 'variation' ? `${parent?.sku ?? 'Product'} - ${product.sku}` : product.sku,
    type: product.type,
    parent_id: product.parentId,
    ...(product.type === 'variable'
      ? {
          variations: catalog
            .all()
            .filter((p) => p.parentId === product.id)
            .map((p) => p.id),
        }
      : {}),
  };
}
