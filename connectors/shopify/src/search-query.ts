/**
 * Shopify search syntax for `inventoryItems(query:)`: `sku:'A' OR sku:'B'`. Values are single-quoted, so a
 * quote or backslash inside a SKU is escaped with a backslash.
 */
export function skuSearchQuery(skus: readonly string[]): string {
  return skus.map((sku) => `sku:'${escapeSearchValue(sku)}'`).join(' OR ');
}

export function escapeSearchValue(value: string): string {
  return value.replace(/[\\']/g, (char) => `\\${char}`);
}
