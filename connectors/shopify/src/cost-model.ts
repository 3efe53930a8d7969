/**
 * The cost-point model the connector plans with, and the simulator charges by (Shopify's published rules,
 * plus one assumption for the write):
 *
 * - a scalar or enum field costs 0, an object 1 plus its fields;
 * - a connection costs 2 plus `first` times one node (an object: 1 plus its fields);
 * - a mutation field costs 10, and `inventorySetQuantities` 1 more per entry (our assumption: Shopify prices
 *   mutations at a flat 10, so this over-estimates slightly and the reported `throttleStatus` corrects it);
 * - one request may cost at most 1,000 points (`MAX_COST_EXCEEDED` above).
 */

export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

/** One `inventorySetQuantities` field with `entries` entries. */
export function setQuantitiesCost(entries: number): number {
  return MUTATION_COST + entries;
}

/**
 * One inventory item with `levels` aliased `inventoryLevel(locationId:) { quantities(names:) { ... } }`
 * selections: the item (1), and per level the level (1) and its quantities list (1).
 */
export function itemWithLevelsCost(levels: number): number {
  return 1 + levels * 2;
}

/** `inventoryItems(first:)` with `levels` level selections per node. */
export function lookupPageCost(first: number, levels: number): number {
  return 2 + first * itemWithLevelsCost(levels);
}

/** `count` aliased `inventoryItem(id:)` reads, each with one level. */
export function readCost(count: number): number {
  return count * itemWithLevelsCost(1);
}
