/** An inventory item the simulated shop holds, with its `available` quantity per location. */
export interface SimInventoryItem {
  readonly id: string;
  sku: string | null;
  tracked: boolean;
  /** Bundles and gift cards cannot be set (`NON_MUTABLE_INVENTORY_ITEM`). */
  mutable: boolean;
  /** Location GID -> available. An absent location means the item is not stocked there. */
  readonly levels: Map<string, number>;
}

export interface NewItem {
  readonly sku: string | null;
  readonly tracked?: boolean;
  readonly mutable?: boolean;
  /** Location GID -> available; default: the shop's first location with 0. */
  readonly levels?: Readonly<Record<string, number>>;
}

/** The simulated shop's inventory: items, their levels per location, in creation order. */
export class ShopState {
  readonly locations: readonly string[];
  readonly #items = new Map<string, SimInventoryItem>();
  #nextId = 40_000_001;
  #nextGroup = 1;

  constructor(locations: readonly string[]) {
    if (locations.length === 0) throw new RangeError('a shop needs at least one location');
    this.locations = locations;
  }

  get primaryLocation(): string {
    return this.locations[0]!;
  }

  addItem(item: NewItem): SimInventoryItem {
    const created: SimInventoryItem = {
      id: `gid://shopify/InventoryItem/${this.#nextId++}`,
      sku: item.sku,
      tracked: item.tracked ?? true,
      mutable: item.mutable ?? true,
      levels: new Map(Object.entries(item.levels ?? { [this.primaryLocation]: 0 })),
    };
    this.#items.set(created.id, created);
    return created;
  }

  /** Replaces every item with this SKU by one stocked at the first location. */
  replaceSku(sku: string, available: number): SimInventoryItem {
    for (const item of this.itemsWithSku(sku)) this.#items.delete(item.id);
    return this.addItem({ sku, levels: { [this.primaryLocation]: available } });
  }

  item(id: string): SimInventoryItem | undefined {
    return this.#items.get(id);
  }

  itemsWithSku(sku: string): SimInventoryItem[] {
    return this.all().filter((item) => item.sku === sku);
  }

  all(): SimInventoryItem[] {
    return [...this.#items.values()];
  }

  hasLocation(id: string): boolean {
    return this.locations.includes(id);
  }

  nextAdjustmentGroupId(): string {
    return `gid://shopify/InventoryAdjustmentGroup/${this.#nextGroup++}`;
  }
}
