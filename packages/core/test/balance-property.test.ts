import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  applySyncRule,
  computeSyncableBalances,
  createChannel,
  createLocation,
  createProduct,
  createStore,
  getProductBalance,
  pickRule,
  type RuleFields,
  type RuleScope,
  upsertListings,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const SKUS = ['S1', 'S2', 'S3'] as const;
type Sku = (typeof SKUS)[number];

const ruleArb = fc.option(
  fc.record({
    buffer: fc.option(fc.nat({ max: 5 }), { nil: null }),
    percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    maxQuantity: fc.option(fc.nat({ max: 20 }), { nil: null }),
    endWhen: fc.option(fc.nat({ max: 6 }), { nil: null }),
  }),
  { nil: undefined },
);
const stockArb = fc.record({ onHand: fc.integer({ min: -5, max: 40 }), committed: fc.nat({ max: 10 }) });
/** Stock per simple SKU per location (main, second), and optional rules at every scope. */
const worldArb = fc.record({
  stock: fc.record({
    S1: fc.tuple(stockArb, stockArb),
    S2: fc.tuple(stockArb, stockArb),
    S3: fc.tuple(stockArb, stockArb),
  }),
  storeRule: ruleArb,
  channelRule: ruleArb,
  productRule: ruleArb,
  productRuleSku: fc.constantFrom<Sku | 'K1' | 'K2'>('S1', 'S2', 'S3', 'K1', 'K2'),
  listingRule: ruleArb,
});

describeEachDialect('balance properties', (ctx) => {
  it('computeSyncableBalances agrees with getProductBalance and with the documented math', async () => {
    const store = await createStore(ctx.db, { name: 'P', allowNegative: true });
    const main = store.defaultLocationId;
    const second = (await createLocation(ctx.db, store.id, { name: 'Second' })).id;
    const ids = new Map<string, number>();
    for (const sku of SKUS) ids.set(sku, (await createProduct(ctx.db, store.id, { sku, name: sku })).id);
    const kit = async (sku: string, components: [string, number][]) =>
      ids.set(
        sku,
        (
          await createProduct(ctx.db, store.id, {
            sku,
            name: sku,
            kind: 'kit',
            components: components.map(([c, quantity]) => ({ sku: c, quantity })),
          })
        ).id,
      );
    await kit('K1', [
      ['S1', 2],
      ['S2', 1],
    ]);
    await kit('K2', [
      ['K1', 1],
      ['S3', 3],
    ]);
    const channels = [
      {
        id: (await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'All' })).id,
        locations: [0, 1],
      },
      {
        id: (await createChannel(ctx.db, store.id, { connectorId: 'm', name: 'Main', locationIds: [main] }))
          .id,
        locations: [0],
      },
      {
        id: (
          await createChannel(ctx.db, store.id, { connectorId: 's', name: 'Second', locationIds: [second] })
        ).id,
        locations: [1],
      },
    ];
    const ruleChannel = channels[1]!.id;
    const listingSku = 'K2';
    const { matched } = await upsertListings(ctx.db, store.id, ruleChannel, [
      { sku: listingSku, channelRef: 'k2' },
    ]);
    const listingId = matched[0]!.listingId;
    const allIds = [...ids.values()];
    const id = (sku: string) => ids.get(sku)!;

    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        await ctx.db.deleteFrom('quantities').where('storeId', '=', store.id).execute();
        await ctx.db.deleteFrom('syncRules').where('storeId', '=', store.id).execute();
        await ctx.db
          .insertInto('quantities')
          .values(
            SKUS.flatMap((sku) =>
              [main, second].map((locationId, i) => ({
                storeId: store.id,
                productId: id(sku),
                locationId,
                ...world.stock[sku][i]!,
                incoming: 0,
                updatedAt: 0,
              })),
            ),
          )
          .execute();
        const rules: { scope: RuleScope; scopeId: number; rule: typeof world.storeRule }[] = [
          { scope: 'store', scopeId: store.id, rule: world.storeRule },
          { scope: 'channel', scopeId: ruleChannel, rule: world.channelRule },
          { scope: 'product', scopeId: id(world.productRuleSku), rule: world.productRule },
          { scope: 'listing', scopeId: listingId, rule: world.listingRule },
        ];
        const stored = new Map<RuleScope, RuleFields>();
        for (const { scope, scopeId, rule } of rules) {
          if (!rule) continue;
          const row = await ctx.db
            .insertInto('syncRules')
            .values({ storeId: store.id, scope, scopeId, ...rule, updatedAt: 0 })
            .returning('id')
            .executeTakeFirstOrThrow();
          stored.set(scope, { id: row.id, ...rule });
        }

        const balances = await Promise.all(allIds.map((p) => getProductBalance(ctx.db, store.id, p)));
        for (const channel of channels) {
          // The oracle: the documented formulas, written out for this catalogue.
          const available = (sku: Sku) =>
            channel.locations.reduce(
              (sum, i) => sum + world.stock[sku][i]!.onHand - world.stock[sku][i]!.committed,
              0,
            );
          const k1 = Math.min(Math.floor(available('S1') / 2), available('S2'));
          const expectedAvailable: Record<string, number> = {
            S1: available('S1'),
            S2: available('S2'),
            S3: available('S3'),
            K1: k1,
            K2: Math.min(k1, Math.floor(available('S3') / 3)),
          };

          const computed = await computeSyncableBalances(ctx.db, store.id, channel.id, allIds);
          for (const [sku, productId] of ids) {
            const rule = pickRule({
              listing: channel.id === ruleChannel && sku === listingSku ? stored.get('listing') : undefined,
              product: sku === world.productRuleSku ? stored.get('product') : undefined,
              channel: channel.id === ruleChannel ? stored.get('channel') : undefined,
              store: stored.get('store'),
            });
            const result = computed.get(productId)!;
            expect(result.explanation.inputs.available).toBe(expectedAvailable[sku]);
            expect(result.explanation.rule).toEqual(rule);
            expect(result.quantity).toBe(applySyncRule(expectedAvailable[sku]!, rule).quantity);
            const fromBalance = balances
              .find((b) => b.productId === productId)!
              .channels.find((c) => c.channelId === channel.id)!.syncable;
            expect(fromBalance).toEqual(result);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
