import type { StockGraph } from './stock-graph.ts';
import type { KitComponentInput } from './syncable-balance.ts';

export interface StockTotals {
  onHand: number;
  committed: number;
  incoming: number;
  /** Set when the ledger's numbers cannot be trusted over these locations (a stale feed covers one). */
  unknownReason?: string;
}

export const NO_STOCK: Readonly<StockTotals> = Object.freeze({ onHand: 0, committed: 0, incoming: 0 });

/** A product's available over one set of locations, with what it came from. */
export interface Availability {
  /** null for kits (no stock of their own). Kept when available is unknown for a stale feed. */
  onHand: number | null;
  committed: number | null;
  incoming: number | null;
  /** null = unknown, with `unknownReason`. */
  available: number | null;
  unknownReason?: string;
  components?: KitComponentInput[];
}

/**
 * Available for one product: on hand − committed for a stocked product; for a kit, the minimum over its
 * components of floor(component available / units per kit), recursively through nested kits. A kit with no
 * components, or with an unknown component, is unknown; so is a stocked product whose `stockOf` carries an
 * `unknownReason`. `stockOf` gives a stocked product's totals over the locations in question; `memo` shares
 * results between products of one batch.
 */
export function availabilityOf(
  graph: StockGraph,
  productId: number,
  stockOf: (productId: number) => StockTotals,
  memo: Map<number, Availability> = new Map(),
  visiting: Set<number> = new Set(),
): Availability {
  const cached = memo.get(productId);
  if (cached) return cached;
  const product = graph.products.get(productId);
  let result: Availability;
  if (!product) {
    result = unknown(`product ${productId} is not in this store`);
  } else if (product.kind !== 'kit') {
    const { unknownReason, ...stock } = stockOf(productId);
    // A stale source keeps its last numbers visible, but available (what a channel is sent) is unknown.
    result =
      unknownReason === undefined
        ? { ...stock, available: stock.onHand - stock.committed }
        : { ...stock, available: null, unknownReason };
  } else if (visiting.has(productId)) {
    // Writes refuse cycles; this guards against rows put there another way.
    result = unknown(`kit ${product.sku} contains itself`);
  } else {
    visiting.add(productId);
    result = kitAvailability(graph, product.sku, graph.components.get(productId) ?? [], (id) =>
      availabilityOf(graph, id, stockOf, memo, visiting),
    );
    visiting.delete(productId);
  }
  memo.set(productId, result);
  return result;
}

function kitAvailability(
  graph: StockGraph,
  sku: string,
  edges: readonly { componentId: number; quantity: number }[],
  componentAvailability: (productId: number) => Availability,
): Availability {
  if (edges.length === 0) return unknown(`kit ${sku} has no components`);
  const components: KitComponentInput[] = [];
  let unknownReason: string | undefined;
  for (const edge of edges) {
    const component = componentAvailability(edge.componentId);
    const componentSku = graph.products.get(edge.componentId)?.sku ?? String(edge.componentId);
    const available = component.available;
    components.push({
      productId: edge.componentId,
      sku: componentSku,
      available,
      perKit: edge.quantity,
      yields: available === null ? null : Math.floor(available / edge.quantity),
    });
    if (available === null && unknownReason === undefined) {
      unknownReason = `component ${componentSku} of kit ${sku} is unknown: ${component.unknownReason}`;
    }
  }
  if (unknownReason !== undefined) return { ...unknown(unknownReason), components };
  const available = Math.min(...components.map((c) => c.yields!));
  return { onHand: null, committed: null, incoming: null, available, components };
}

function unknown(reason: string): Availability {
  return { onHand: null, committed: null, incoming: null, available: null, unknownReason: reason };
}
