import { markChannelProductsDirty } from '../channels/mark-channel-dirty.ts';
import type { Db } from '../db/connect.ts';
import type { RuleScope } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { type Cause, markDirty } from '../outbox/mark-dirty.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type RuleInput, type RuleTarget, ruleInputSchema, ruleTargetSchema } from './rule-input.ts';

/** A stored sync rule. Null fields were not set and mean the neutral default when this rule wins. */
export interface SyncRule {
  id: number;
  storeId: number;
  scope: RuleScope;
  /** The store, channel, product or listing id the rule belongs to. */
  scopeId: number;
  buffer: number | null;
  percent: number | null;
  maxQuantity: number | null;
  endWhen: number | null;
  updatedAt: number;
}

/**
 * Creates or replaces the rule of one scope (store, channel, product or listing); fields left out become
 * null. The scope id must belong to the store (for `store`, it is the store's own id). Marks the pairs whose
 * balance may change dirty in the same transaction: store -> every auto-synced product on every channel,
 * channel -> that channel's, product -> that product's, listing -> that one pair.
 *
 * @example
 * await setRule(db, storeId, { scope: 'channel', scopeId: amazonId, buffer: 2, percent: 80 });
 */
export async function setRule(
  db: Db,
  storeId: number,
  input: RuleInput,
  options?: OperationOptions,
): Promise<SyncRule> {
  const data = parseInput(ruleInputSchema, input, 'sync rule');
  const scope = { storeId, key: idempotencyKeyOf(options), operation: 'rules.set', request: data };
  return runIdempotent(db, scope, async (trx) => {
    const target = await resolveTarget(trx, storeId, data.scope, data.scopeId);
    const values = {
      buffer: data.buffer ?? null,
      percent: data.percent ?? null,
      maxQuantity: data.maxQuantity ?? null,
      endWhen: data.endWhen ?? null,
      updatedAt: now(),
    };
    const row = await trx
      .insertInto('syncRules')
      .values({ storeId, scope: data.scope, scopeId: data.scopeId, ...values })
      .onConflict((oc) => oc.columns(['storeId', 'scope', 'scopeId']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await markRulePairs(trx, storeId, target, { type: 'resync', ref: `rule:${data.scope}:${data.scopeId}` });
    return row;
  });
}

/** Removes the rule of one scope, if any; the pairs it governed are marked dirty like in `setRule`. */
export async function clearRule(
  db: Db,
  storeId: number,
  input: RuleTarget,
  options?: OperationOptions,
): Promise<{ cleared: boolean }> {
  const data = parseInput(ruleTargetSchema, input, 'sync rule');
  const scope = { storeId, key: idempotencyKeyOf(options), operation: 'rules.clear', request: data };
  return runIdempotent(db, scope, async (trx) => {
    const target = await resolveTarget(trx, storeId, data.scope, data.scopeId);
    const deleted = await trx
      .deleteFrom('syncRules')
      .where('storeId', '=', storeId)
      .where('scope', '=', data.scope)
      .where('scopeId', '=', data.scopeId)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) return { cleared: false };
    await markRulePairs(trx, storeId, target, { type: 'resync', ref: `rule:${data.scope}:${data.scopeId}` });
    return { cleared: true };
  });
}

/** The store's rules, ordered by scope then id; optionally only one scope (and one scope id). */
export async function listRules(
  db: Db,
  storeId: number,
  filter: { scope?: RuleScope; scopeId?: number } = {},
): Promise<SyncRule[]> {
  return db
    .selectFrom('syncRules')
    .selectAll()
    .where('storeId', '=', storeId)
    .$if(filter.scope !== undefined, (qb) => qb.where('scope', '=', filter.scope!))
    .$if(filter.scopeId !== undefined, (qb) => qb.where('scopeId', '=', filter.scopeId!))
    .orderBy('scope')
    .orderBy('id')
    .execute();
}

/** What a rule's scope id points at, checked to be the store's; the pairs it governs follow from it. */
type RuleTargetRef =
  | { scope: 'store' }
  | { scope: 'channel'; channelId: number }
  | { scope: 'product'; productId: number }
  | { scope: 'listing'; channelId: number; productId: number };

async function resolveTarget(
  trx: Db,
  storeId: number,
  scope: RuleScope,
  scopeId: number,
): Promise<RuleTargetRef> {
  const notFound = () => new NotFoundError(scope, ['scopeId']);
  switch (scope) {
    case 'store': {
      const store = await trx.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
      if (!store || scopeId !== storeId) throw notFound();
      return { scope };
    }
    case 'channel': {
      const row = await trx
        .selectFrom('channels')
        .select('id')
        .where('storeId', '=', storeId)
        .where('id', '=', scopeId)
        .executeTakeFirst();
      if (!row) throw notFound();
      return { scope, channelId: row.id };
    }
    case 'product': {
      const row = await trx
        .selectFrom('products')
        .select('id')
        .where('storeId', '=', storeId)
        .where('id', '=', scopeId)
        .executeTakeFirst();
      if (!row) throw notFound();
      return { scope, productId: row.id };
    }
    case 'listing': {
      const row = await trx
        .selectFrom('listings')
        .select(['channelId', 'productId'])
        .where('storeId', '=', storeId)
        .where('id', '=', scopeId)
        .executeTakeFirst();
      if (!row) throw notFound();
      return { scope, channelId: row.channelId, productId: row.productId };
    }
  }
}

// Kits are not expanded for product or listing rules: a kit's balance uses its components' raw available,
// which no rule changes.
async function markRulePairs(trx: Db, storeId: number, target: RuleTargetRef, cause: Cause): Promise<void> {
  switch (target.scope) {
    case 'store':
      return markChannelProductsDirty(trx, storeId, undefined, cause);
    case 'channel':
      return markChannelProductsDirty(trx, storeId, target.channelId, cause);
    case 'product':
      await markDirty(trx, { storeId, products: [target.productId], includeKits: false, cause });
      return;
    case 'listing':
      await markDirty(trx, {
        storeId,
        products: [target.productId],
        channelId: target.channelId,
        includeKits: false,
        cause,
      });
      return;
  }
}
