import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { InvalidStateError } from '../errors.ts';
import { chunk } from '../shared/chunk.ts';

/** A product that holds stock, and how many of it one unit of the parent takes. */
export interface StockedComponent {
  productId: number;
  sku: string;
  perUnit: number;
}

// Kit cycles are refused when components are saved; this only stops a corrupted graph from looping.
const MAX_DEPTH = 32;

/**
 * What one unit of each parent takes from stock: its components, with nested kits replaced by their own
 * components (multiplying quantities down the tree) until only stocked products (simple or assembly) remain.
 * A product reached along several paths is summed. One query per nesting level per 1,000 parents.
 */
export async function stockedComponents(
  db: Db,
  storeId: number,
  parentIds: readonly number[],
): Promise<Map<number, StockedComponent[]>> {
  const totals = new Map<number, Map<number, StockedComponent>>();
  for (const id of parentIds) totals.set(id, new Map());
  let frontier = [...totals.keys()].map((id) => ({ root: id, productId: id, multiplier: 1 }));

  for (let depth = 0; frontier.length > 0; depth++) {
    if (depth >= MAX_DEPTH) throw new InvalidStateError('kit components nest too deeply (is there a cycle?)');
    const edges = await componentEdges(db, storeId, [...new Set(frontier.map((f) => f.productId))]);
    const next: typeof frontier = [];
    for (const f of frontier) {
      for (const edge of edges.get(f.productId) ?? []) {
        const multiplier = f.multiplier * edge.quantity;
        if (edge.kind === 'kit') {
          next.push({ root: f.root, productId: edge.componentId, multiplier });
          continue;
        }
        const byProduct = totals.get(f.root)!;
        const current = byProduct.get(edge.componentId);
        if (current) current.perUnit += multiplier;
        else
          byProduct.set(edge.componentId, {
            productId: edge.componentId,
            sku: edge.sku,
            perUnit: multiplier,
          });
      }
    }
    frontier = next;
  }

  return new Map(
    [...totals].map(([root, byProduct]) => [
      root,
      [...byProduct.values()].sort((a, b) => a.productId - b.productId),
    ]),
  );
}

interface Edge {
  componentId: number;
  quantity: number;
  sku: string;
  kind: ProductKind;
}

async function componentEdges(db: Db, storeId: number, parentIds: number[]): Promise<Map<number, Edge[]>> {
  const edges = new Map<number, Edge[]>();
  for (const part of chunk(parentIds, 1000)) {
    const rows = await db
      .selectFrom('productComponents as pc')
      .innerJoin('products as p', 'p.id', 'pc.componentId')
      .select(['pc.parentId', 'pc.componentId', 'pc.quantity', 'p.sku', 'p.kind'])
      .where('pc.storeId', '=', storeId)
      .where('pc.parentId', 'in', part)
      .execute();
    for (const { parentId, ...edge } of rows) {
      const list = edges.get(parentId);
      if (list) list.push(edge);
      else edges.set(parentId, [edge]);
    }
  }
  return edges;
}
