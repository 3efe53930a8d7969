import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { RuleScope } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
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

interface RuleRow extends RuleFields {
  scope: RuleScope;
  scopeId: number;
  listingChannelId: number | null;
  listingProductId: number | null;
}

/**
 * Params: store, channel, then the products. Shape: one channel or any, and the number of products (0: the
 * store and channel rules only). Prepared: the sync loop loads its batch's rules every round.
 */
const rulesFor = preparedQuery<RuleRow, string>((slot, shape) => {
  const [channels, count] = shape.split(':');
  const one = channels === 'one';
  const products = slotList(slot, 2, Number(count));
  const forProducts =
    Number(count) > 0
      ? sql`or (r.scope = 'product' and r.scope_id in (${products}))
        or (r.scope = 'listing' ${one ? sql`and l.channel_id = ${slot(1)}` : sql``} and l.product_id in (${products}))`
      : sql``;
  return sql`select r.id, r.scope, r.scope_id, r.buffer, r.percent, r.max_quantity, r.end_when,
      l.channel_id as listing_channel_id, l.product_id as listing_product_id
    from sync_rules r left join listings l on l.id = r.scope_id and r.scope = 'listing'
    where r.store_id = ${slot(0)} and (r.scope = 'store'
      or (r.scope = 'channel' ${one ? sql`and r.scope_id = ${slot(1)}` : sql``})
      ${forProducts})`;
}, 256);

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
    const { rows } = await rulesFor(db, `${channelId === undefined ? 'any' : 'one'}:${part.length}`, [
      storeId,
      channelId,
      ...part,
    ]);
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
