import {
  createChannel,
  createFeed,
  createLocation,
  createProduct,
  createStore,
  type Db,
} from '../../../src/index.ts';
import { CATALOGUE, LOCATION_NAMES, type Loc, SKUS, type Sku } from './catalogue.ts';

/** One property run's store: the catalogue, two locations, a push feed and one active Auto Sync channel. */
export interface World {
  storeId: number;
  allowNegative: boolean;
  productIds: Record<Sku, number>;
  skuOf: Map<number, Sku>;
  locationIds: Record<Loc, number>;
  locOf: Map<number, Loc>;
  feedId: number;
  channelId: number;
}

let stores = 0;

/** A fresh store per run: runs share one database, never a store. */
export async function createWorld(db: Db, allowNegative: boolean): Promise<World> {
  stores += 1;
  const store = await createStore(db, {
    name: `property run ${stores}`,
    allowNegative,
    defaultLocationName: LOCATION_NAMES[0],
  });
  const annex = await createLocation(db, store.id, { name: LOCATION_NAMES[1] });
  const productIds = {} as Record<Sku, number>;
  for (const sku of SKUS) {
    const { kind, components } = CATALOGUE[sku];
    const product = await createProduct(db, store.id, {
      sku,
      name: sku,
      kind,
      autoSync: true,
      components: Object.entries(components).map(([c, quantity]) => ({ sku: c, quantity })),
    });
    productIds[sku] = product.id;
  }
  // Created after the products, so the run starts with no dirty marks.
  const channel = await createChannel(db, store.id, { connectorId: 'test', name: 'Shop' });
  const feed = await createFeed(db, store.id, { name: 'Warehouse feed' });
  const locationIds: Record<Loc, number> = { 0: store.defaultLocationId, 1: annex.id };
  return {
    storeId: store.id,
    allowNegative,
    productIds,
    skuOf: new Map(SKUS.map((sku) => [productIds[sku], sku])),
    locationIds,
    locOf: new Map([
      [locationIds[0], 0],
      [locationIds[1], 1],
    ]),
    feedId: feed.id,
    channelId: channel.id,
  };
}
