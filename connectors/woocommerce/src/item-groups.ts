import type { WooListingRef } from './listing-ref.ts';

/** Items that go to one endpoint: simple products together, variations per variable parent. */
export interface ItemGroup<T> {
  /** The variable parent, or `undefined` for simple products. */
  readonly parentId: number | undefined;
  readonly items: readonly T[];
}

/** Splits items by the endpoint that writes or reads them: simple products first, then parents in order. */
export function groupByEndpoint<T extends { readonly listingRef: WooListingRef }>(
  items: readonly T[],
): ItemGroup<T>[] {
  const simple: T[] = [];
  const byParent = new Map<number, T[]>();
  for (const item of items) {
    const { productId, variationId } = item.listingRef;
    if (variationId === undefined) {
      simple.push(item);
      continue;
    }
    const siblings = byParent.get(productId);
    if (siblings) siblings.push(item);
    else byParent.set(productId, [item]);
  }
  const groups: ItemGroup<T>[] = simple.length > 0 ? [{ parentId: undefined, items: simple }] : [];
  for (const [parentId, group] of byParent) groups.push({ parentId, items: group });
  return groups;
}
