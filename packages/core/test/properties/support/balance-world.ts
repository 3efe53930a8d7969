import fc from 'fast-check';
import {
  adjustStock,
  createChannel,
  createLocation,
  createProduct,
  createSalesOrder,
  createStore,
  type Db,
  type ProductKind,
  type RuleScope,
  setRule,
  upsertListings,
} from '../../../src/index.ts';

/** Rule knobs as written; null = not set. */
export interface RuleKnobs {
  buffer: number | null;
  percent: number | null;
  maxQuantity: number | null;
  endWhen: number | null;
}

const knobsArb: fc.Arbitrary<RuleKnobs> = fc.record({
  buffer: fc.option(fc.nat({ max: 6 }), { nil: null }),
  percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  maxQuantity: fc.option(fc.nat({ max: 25 }), { nil: null }),
  endWhen: fc.option(fc.nat({ max: 8 }), { nil: null }),
});
const maybeRule = fc.option(knobsArb, { nil: null, freq: 2 });
const stockArb = fc.record({ onHand: fc.integer({ min: -10, max: 30 }), committed: fc.nat({ max: 8 }) });

/**
 * A random catalogue and its stock: simples, maybe an assembly (stocked, no components), maybe a kit with
 * no components (only possible through direct writes; its balance is unknown), and kits whose components are
 * drawn from the products made before them, so kits nest without cycles.
 */
export const balanceWorldArbitrary = fc
  .record({
    simples: fc.integer({ min: 1, max: 3 }),
    assembly: fc.boolean(),
    emptyKit: fc.boolean(),
    kits: fc.array(
      fc.array(fc.record({ pick: fc.nat({ max: 20 }), quantity: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    /** The second channel's locations: 0 = main only, 1 = annex only, 2 = both (listed). */
    secondChannel: fc.constantFrom(0, 1, 2),
  })
  .chain((shape) => {
    const stocked = shape.simples + (shape.assembly ? 1 : 0);
    const products = stocked + (shape.emptyKit ? 1 : 0) + shape.kits.length;
    return fc.record({
      shape: fc.constant(shape),
      stock: fc.array(fc.tuple(stockArb, stockArb), { minLength: stocked, maxLength: stocked }),
      storeRule: maybeRule,
      channelRules: fc.tuple(maybeRule, maybeRule),
      productRules: fc.array(maybeRule, { minLength: products, maxLength: products }),
      listings: fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: products, maxLength: products }),
      listingRules: fc.array(fc.tuple(maybeRule, maybeRule), { minLength: products, maxLength: products }),
    });
  });
export type BalanceWorldSpec = typeof balanceWorldArbitrary extends fc.Arbitrary<infer T> ? T : never;

export interface BalanceProduct {
  id: number;
  sku: string;
  kind: ProductKind;
  /** Stocked products: per location index [main, annex]. */
  stock?: [{ onHand: number; committed: number }, { onHand: number; committed: number }];
  components: { index: number; quantity: number }[];
}

export interface BalanceWorld {
  storeId: number;
  locationIds: [number, number];
  products: BalanceProduct[];
  channels: { id: number; locations: (0 | 1)[] }[];
  /** Stored rule knobs by scope key: `store`, `channel:<i>`, `product:<i>`, `listing:<channel>:<product>`. */
  rules: Map<string, RuleKnobs & { scope: RuleScope }>;
}

/** Builds the world through core's own operations (stock by adjustment and sales orders, rules by setRule). */
export async function createBalanceWorld(db: Db, spec: BalanceWorldSpec): Promise<BalanceWorld> {
  const { shape } = spec;
  const store = await createStore(db, { name: 'balance property', allowNegative: true });
  const annex = await createLocation(db, store.id, { name: 'Annex' });
  const locationIds: [number, number] = [store.defaultLocationId, annex.id];
  const products: BalanceProduct[] = [];
  const add = async (sku: string, kind: ProductKind, components: BalanceProduct['components']) => {
    const created = await createProduct(db, store.id, {
      sku,
      name: sku,
      kind,
      components: components.map((c) => ({ sku: products[c.index]!.sku, quantity: c.quantity })),
    });
    products.push({ id: created.id, sku, kind, components });
  };
  for (let i = 0; i < shape.simples; i++) await add(`S${i}`, 'simple', []);
  if (shape.assembly) await add('ASM', 'assembly', []);
  spec.stock.forEach((s, i) => {
    products[i]!.stock = s;
  });
  if (shape.emptyKit) {
    // Core refuses a kit without components; a corrupted or half-migrated catalogue may still hold one.
    const row = await db
      .insertInto('products')
      .values({ storeId: store.id, sku: 'EMPTY', name: 'EMPTY', kind: 'kit', createdAt: 0, updatedAt: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    products.push({ id: row.id, sku: 'EMPTY', kind: 'kit', components: [] });
  }
  for (const [k, picks] of shape.kits.entries()) {
    const components = new Map<number, number>();
    for (const { pick, quantity } of picks) {
      const index = pick % products.length;
      if (!components.has(index)) components.set(index, quantity);
    }
    await add(
      `K${k}`,
      'kit',
      [...components].map(([index, quantity]) => ({ index, quantity })),
    );
  }

  const stocked = products.filter((p) => p.stock);
  const deltas = stocked.flatMap((p) =>
    locationIds.flatMap((locationId, l) =>
      p.stock![l]!.onHand === 0 ? [] : [{ sku: p.sku, locationId, delta: p.stock![l]!.onHand }],
    ),
  );
  if (deltas.length > 0) await adjustStock(db, store.id, { reason: 'seed', lines: deltas });
  for (const [l, locationId] of locationIds.entries()) {
    const lines = stocked.flatMap((p) =>
      p.stock![l]!.committed === 0 ? [] : [{ sku: p.sku, quantity: p.stock![l]!.committed }],
    );
    if (lines.length > 0) await createSalesOrder(db, store.id, { number: `SO-${l}`, locationId, lines });
  }

  const second: (0 | 1)[] = shape.secondChannel === 2 ? [0, 1] : [shape.secondChannel as 0 | 1];
  const channels = [
    {
      id: (await createChannel(db, store.id, { connectorId: 'all', name: 'All' })).id,
      locations: [0, 1] as (0 | 1)[],
    },
    {
      id: (
        await createChannel(db, store.id, {
          connectorId: 'some',
          name: 'Some',
          locationIds: second.map((l) => locationIds[l]),
        })
      ).id,
      locations: second,
    },
  ];

  const rules = new Map<string, RuleKnobs & { scope: RuleScope }>();
  const rule = async (key: string, scope: RuleScope, scopeId: number, knobs: RuleKnobs | null) => {
    if (!knobs) return;
    await setRule(db, store.id, { scope, scopeId, ...knobs });
    rules.set(key, { scope, ...knobs });
  };
  await rule('store', 'store', store.id, spec.storeRule);
  for (const [c, channel] of channels.entries())
    await rule(`channel:${c}`, 'channel', channel.id, spec.channelRules[c]!);
  for (const [p, product] of products.entries())
    await rule(`product:${p}`, 'product', product.id, spec.productRules[p]!);
  for (const [c, channel] of channels.entries()) {
    const linked = products.filter((_, p) => spec.listings[p]![c]);
    if (linked.length === 0) continue;
    const { matched } = await upsertListings(
      db,
      store.id,
      channel.id,
      linked.map((p) => ({ sku: p.sku, channelRef: `${channel.id}:${p.sku}` })),
    );
    for (const m of matched) {
      const p = products.findIndex((x) => x.id === m.productId);
      await rule(`listing:${c}:${p}`, 'listing', m.listingId, spec.listingRules[p]![c]!);
    }
  }
  return { storeId: store.id, locationIds, products, channels, rules };
}
