import type { ShopState, SimInventoryItem } from './shop-state.ts';

/**
 * Resolver-shaped views of the shop for graphql-js's default resolvers: plain fields, and functions for
 * fields with arguments. `__typename` lets `nodes(ids:)` resolve the `Node` interface.
 */

export interface LocationView {
  readonly __typename: 'Location';
  readonly id: string;
  readonly name: string;
}

export function locationView(id: string): LocationView {
  return { __typename: 'Location', id, name: `Location ${id.split('/').pop()}` };
}

export function itemView(state: ShopState, item: SimInventoryItem) {
  return {
    __typename: 'InventoryItem' as const,
    id: item.id,
    sku: item.sku,
    tracked: item.tracked,
    inventoryLevel: ({ locationId }: { locationId: string }) => levelView(state, item, locationId),
  };
}
export type ItemView = ReturnType<typeof itemView>;

export function levelView(state: ShopState, item: SimInventoryItem, locationId: string) {
  if (!item.levels.has(locationId)) return null;
  const levelId = `gid://shopify/InventoryLevel/${item.id.split('/').pop()}?inventory_item_id=${locationId.split('/').pop()}`;
  return {
    __typename: 'InventoryLevel' as const,
    id: levelId,
    item: () => itemView(state, item),
    location: () => locationView(locationId),
    // `on_hand` equals `available` here: the simulator holds no committed or reserved stock.
    quantities: ({ names }: { names: readonly string[] }) =>
      names.map((name) => ({
        __typename: 'InventoryQuantity' as const,
        id: `${levelId}&name=${name}`,
        name,
        quantity: name === 'available' || name === 'on_hand' ? (item.levels.get(locationId) ?? 0) : 0,
      })),
  };
}
