import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import { chunk } from '../shared/chunk.ts';

export interface GraphProduct {
  id: number;
  sku: string;
  kind: ProductKind;
}

export interface KitEdge {
  componentId: number;
  /** Units of the component per kit. */
  quantity: number;
}

/** Some products plus, for every kit among them, its components down to the stocked leaves. */
export interface StockGraph {
  products: Map<number, GraphProduct>;
  /** Kit id -> its components (only kits are expanded: an assembly has stock of its own). */
  components: Map<number, KitEdge[]>;
}

/**
 * Params: store, then the products. Prepared: the sync loop loads its batch's products every round, and the
 * query builder took longer to build the id list than the database to run it.
 */
const productsIn = preparedQuery<GraphProduct>(
  (slot, count) =>
    sql`select id, sku, kind from products where store_id = ${slot(0)} and id in (${slotList(slot, 1, count)})`,
  128,
);

/**
 * Loads the products (store-scoped; unknown ids are simply absent) and their kit trees, one query per kit
 * level and per 1,000 ids rather than per product.
 */
export async function loadStockGraph(
  db: Db,
  storeId: number,
  productIds: readonly number[],
): Promise<StockGraph> {
  const graph: StockGraph = { products: new Map(), components: new Map() };
  for (const part of chunk([...new Set(productIds)], 1000)) {
    const { rows } = await productsIn(db, part.length, [storeId, ...part]);
    for (const row of rows) graph.products.set(row.id, row);
  }

  let frontier = [...graph.products.values()].filter((p) => p.kind === 'kit').map((p) => p.id);
  const expanded = new Set<number>();
  while (frontier.length > 0) {
    for (const id of frontier) {
      expanded.add(id);
      graph.components.set(id, []);
    }
    const next = new Set<number>();
    for (const part of chunk(frontier, 1000)) {
      const edges = await db
        .selectFrom('productComponents as pc')
        .innerJoin('products as c', 'c.id', 'pc.componentId')
        .select(['pc.parentId', 'pc.componentId', 'pc.quantity', 'c.sku', 'c.kind'])
        .where('pc.storeId', '=', storeId)
        .where('pc.parentId', 'in', part)
        .orderBy('pc.parentId')
        .orderBy('c.sku')
        .execute();
      for (const edge of edges) {
        graph.components.get(edge.parentId)!.push({ componentId: edge.componentId, quantity: edge.quantity });
        graph.products.set(edge.componentId, { id: edge.componentId, sku: edge.sku, kind: edge.kind });
        if (edge.kind === 'kit' && !expanded.has(edge.componentId)) next.add(edge.componentId);
      }
    }
    frontier = [...next];
  }
  return graph;
}

/** The products in the graph that hold stock themselves (everything but kits). */
export function stockedProductIds(graph: StockGraph): number[] {
  return [...graph.products.values()].filter((p) => p.kind !== 'kit').map((p) => p.id);
}
