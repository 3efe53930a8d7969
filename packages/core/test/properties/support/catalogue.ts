import type { ProductKind } from '../../../src/index.ts';

/** Products that hold stock themselves (simple and assembly). */
export const STOCKED = ['A', 'B', 'C', 'ASM'] as const;
export type StockedSku = (typeof STOCKED)[number];
export const KITS = ['KIT', 'NEST', 'BOX'] as const;
export type KitSku = (typeof KITS)[number];
export type Sku = StockedSku | KitSku;

/** Creation order: every component before the products that use it. */
export const SKUS: readonly Sku[] = ['A', 'B', 'C', 'KIT', 'ASM', 'NEST', 'BOX'];

/** Index into the world's two locations: 0 = the default location, 1 = a second one. */
export type Loc = 0 | 1;
export const LOCS: readonly Loc[] = [0, 1];
export const LOCATION_NAMES: Record<Loc, string> = { 0: 'Main warehouse', 1: 'Annex' };

interface Definition {
  kind: ProductKind;
  components: Partial<Record<Sku, number>>;
}

/**
 * The fixed catalogue every property run uses: a kit of simples, a kit nesting that kit, an assembly whose
 * bill of materials holds a kit, and a kit containing the assembly (an assembly is stocked, so the kit takes
 * finished assemblies, not their components).
 */
export const CATALOGUE: Record<Sku, Definition> = {
  A: { kind: 'simple', components: {} },
  B: { kind: 'simple', components: {} },
  C: { kind: 'simple', components: {} },
  KIT: { kind: 'kit', components: { A: 2, B: 1 } },
  ASM: { kind: 'assembly', components: { C: 2, KIT: 1 } },
  NEST: { kind: 'kit', components: { KIT: 1, C: 1 } },
  BOX: { kind: 'kit', components: { ASM: 1, A: 1 } },
};

export const isKit = (sku: Sku): sku is KitSku => CATALOGUE[sku].kind === 'kit';

const entries = (components: Partial<Record<Sku, number>>) => Object.entries(components) as [Sku, number][];

/** Components with kits replaced by their own components, quantities multiplied down the tree. */
function expand(components: Partial<Record<Sku, number>>, times: number, into: Map<StockedSku, number>) {
  for (const [sku, quantity] of entries(components)) {
    if (isKit(sku)) expand(CATALOGUE[sku].components, times * quantity, into);
    else into.set(sku, (into.get(sku) ?? 0) + times * quantity);
  }
  return into;
}

/** What one unit of an order line takes from stock: a kit's stocked components, or the product itself. */
export function allocationOf(sku: Sku): Map<StockedSku, number> {
  return isKit(sku) ? expand(CATALOGUE[sku].components, 1, new Map()) : new Map([[sku, 1]]);
}

/** What building one unit of an assembly consumes. */
export function billOfMaterials(sku: Sku): Map<StockedSku, number> {
  return expand(CATALOGUE[sku].components, 1, new Map());
}

/** Kits whose balance depends on `sku`: kits containing it directly or through nested kits. */
export function kitsContaining(sku: Sku): KitSku[] {
  const contains = (kit: KitSku, target: Sku): boolean =>
    entries(CATALOGUE[kit].components).some(([c]) => c === target || (isKit(c) && contains(c, target)));
  return KITS.filter((kit) => contains(kit, sku));
}

/** Every product that lists `sku` as a component at any depth, whatever its kind. */
export function ancestorsOf(sku: Sku): Sku[] {
  const parents = SKUS.filter((p) => CATALOGUE[p].components[sku] !== undefined);
  return [...new Set(parents.flatMap((p) => [p, ...ancestorsOf(p)]))];
}
