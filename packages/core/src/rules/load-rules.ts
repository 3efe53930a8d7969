import type { Db } from '../db/connect.ts';
import { chunk } from '../shared/chunk.ts';
import { pickRule, type RuleFields } from './pick-rule.ts';
import type { AppliedRule } from './sync-rule-values.ts';

/** The rules that can apply to a set of (product, channel) pairs, indexed for precedence lookups. */
export interface RuleSet {
  store?: RuleFields;
  channels: Map<number, RuleFields>;
  products: Map<number, RuleFields>;
  /** Listing rules by `${channelId}:${productId}`. */
  listings: Map<string, RuleFields>;
}

/**
 * Loads, in one query per 1,000 products, every rule that may govern the given products on one channel (or
 * on every channel when `channelId` is omitted): the store rule, channel rules, their product rules and the
 * rules of their listings.
 */
export async function loadRules(
  db: Db,
  storeId: number,
  scope: { channelId?: number; productIds: readonly number[] },
): Promise<RuleSet> {
  const set: RuleSet = { channels: new Map(), products: new Map(), listings: new Map() };
  const { channelId } = scope;
  const productIds = [...new Set(scope.productIds)];
  for (const part of productIds.length > 0 ? chunk(productIds, 1000) : [[]]) {
    const rows = await db
      .selectFrom('syncRules as r')
      .leftJoin('listings as l', (join) => join.onRef('l.id', '=', 'r.scopeId').on('r.scope', '=', 'listing'))
      .select([
        'r.id',
        'r.scope',
        'r.scopeId',
        'r.buffer',
        'r.percent',
        'r.maxQuantity',
        'r.endWhen',
        'l.channelId as listingChannelId',
        'l.productId as listingProductId',
      ])
      .where('r.storeId', '=', storeId)
      .where((eb) => {
        const onChannel = channelId === undefined ? [] : [eb('l.channelId', '=', channelId)];
        const forProducts = part.length > 0;
        return eb.or([
          eb('r.scope', '=', 'store'),
          channelId === undefined
            ? eb('r.scope', '=', 'channel')
            : eb.and([eb('r.scope', '=', 'channel'), eb('r.scopeId', '=', channelId)]),
          ...(forProducts
            ? [
                eb.and([eb('r.scope', '=', 'product'), eb('r.scopeId', 'in', part)]),
                eb.and([eb('r.scope', '=', 'listing'), ...onChannel, eb('l.productId', 'in', part)]),
              ]
            : []),
        ]);
      })
      .execute();
    for (const { scope: ruleScope, scopeId, listingChannelId, listingProductId, ...fields } of rows) {
      if (ruleScope === 'store') set.store = fields;
      else if (ruleScope === 'channel') set.channels.set(scopeId, fields);
      else if (ruleScope === 'product') set.products.set(scopeId, fields);
      else if (listingChannelId !== null && listingProductId !== null)
        set.listings.set(`${listingChannelId}:${listingProductId}`, fields);
    }
  }
  return set;
}

/** The rule that governs one pair: listing > product > channel > store, the most specific one as a whole. */
export function ruleFor(set: RuleSet, channelId: number, productId: number): AppliedRule {
  return pickRule({
    listing: set.listings.get(`${channelId}:${productId}`),
    product: set.products.get(productId),
    channel: set.channels.get(channelId),
    store: set.store,
  });
}
