import type { Db } from '../db/connect.ts';
import { KitCycleError } from '../errors.ts';

/**
 * Refuses components that would make `parentId` (transitively) contain itself. Walks down from each
 * proposed component; reaching the parent means a cycle, reported as a SKU path.
 */
export async function assertNoCycle(
  db: Db,
  parentId: number,
  componentIds: readonly number[],
): Promise<void> {
  const cameFrom = new Map<number, number>();
  let frontier = [...new Set(componentIds)];
  for (const id of frontier) cameFrom.set(id, parentId);
  while (frontier.length > 0 && !cameFrom.has(parentId)) {
    const edges = await db
      .selectFrom('productComponents')
      .select(['parentId', 'componentId'])
      .where('parentId', 'in', frontier)
      .execute();
    const next: number[] = [];
    for (const edge of edges) {
      if (!cameFrom.has(edge.componentId)) {
        cameFrom.set(edge.componentId, edge.parentId);
        next.push(edge.componentId);
      }
    }
    frontier = next;
  }
  if (!cameFrom.has(parentId)) return;

  // Rebuild the path parent -> ... -> parent for the message.
  const path = [parentId];
  let at = cameFrom.get(parentId)!;
  while (at !== parentId && path.length < 100) {
    path.unshift(at);
    at = cameFrom.get(at)!;
  }
  path.unshift(parentId);
  const skus = await db.selectFrom('products').select(['id', 'sku']).where('id', 'in', path).execute();
  const skuOf = new Map(skus.map((r) => [r.id, r.sku]));
  throw new KitCycleError(path.map((id) => skuOf.get(id) ?? String(id)));
}
