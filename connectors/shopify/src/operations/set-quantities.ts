import {
  type BatchResult,
  ChannelError,
  failBatch,
  type ItemResult,
  type QuantityUpdate,
  type RateFeedback,
} from '@ballast/connector-kit';
import { feedbackOf } from '../graphql/paced-query.ts';
import { fieldError, wholeCallFailure } from '../graphql/reply-failure.ts';
import type { ShopifyListingRef } from '../listing-ref.ts';
import type { ShopifySession } from '../session.ts';
import { readLevels } from './read-levels.ts';
import { setQuantitiesPayloadSchema, verdictsOf } from './set-quantities-payload.ts';
import { buildSetQuantitiesRequest, setQuantitiesRequestCost } from './set-quantities-request.ts';

type Update = QuantityUpdate<ShopifyListingRef>;

/** Shopify's bounds for a quantity (`INVALID_QUANTITY_TOO_HIGH` above). */
const MAX_QUANTITY = 1_000_000_000;

/**
 * What can be sent and what is refused before sending: an entry Shopify would reject for certain (two
 * listings on one item and location, `NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR`; a quantity out of
 * bounds) fails alone instead of taking the whole call down with it.
 */
export function planBatch(batch: readonly Update[]): { sendable: Update[]; refused: ItemResult[] } {
  const seen = new Set<string>();
  const sendable: Update[] = [];
  const refused: ItemResult[] = [];
  for (const update of batch) {
    const pair = `${update.listingRef.inventoryItemId} ${update.listingRef.locationId}`;
    if (!Number.isInteger(update.quantity) || update.quantity < 0 || update.quantity > MAX_QUANTITY) {
      refused.push({
        key: update.key,
        status: 'permanent',
        code: 'invalid_quantity',
        message: `quantity ${update.quantity} is not an integer from 0 to ${MAX_QUANTITY}`,
      });
    } else if (seen.has(pair)) {
      refused.push({
        key: update.key,
        status: 'permanent',
        code: 'duplicate_listing',
        message: `inventory item ${pair} appears twice in one batch: two listings point at it`,
      });
    } else {
      seen.add(pair);
      sendable.push(update);
    }
  }
  return { sendable, refused };
}

/** Points the call for this batch costs under the cost model (`cost-model.ts`). */
export function estimateSetQuantitiesCost(session: ShopifySession, batch: readonly Update[]): number {
  return setQuantitiesRequestCost(session.config.apiVersion, planBatch(batch).sendable);
}

/**
 * One `inventorySetQuantities` request for the batch, mapped to per-item results. Throttled, failed and
 * unreadable calls fail every item alike (transient or permanent); user errors fail their own entries.
 * A stale entry is re-read at once, so the engine recomputes against what the shop really shows.
 */
export async function setQuantities(session: ShopifySession, batch: readonly Update[]): Promise<BatchResult> {
  const { config, ctx } = session;
  const { sendable, refused } = planBatch(batch);
  if (sendable.length === 0) return { items: refused };
  const batchKey = session.batchKeys.keyFor(sendable);
  const request = buildSetQuantitiesRequest(config.apiVersion, sendable, batchKey);

  let reply: Awaited<ReturnType<ShopifySession['transport']>>;
  try {
    reply = await session.transport(request.document, request.variables);
  } catch (error) {
    session.pacer.observe(undefined);
    const failed = failBatch(sendable, error);
    return { ...failed, items: [...failed.items, ...refused] };
  }
  const failure = wholeCallFailure(reply, ctx.clock.now());
  const feedback = feedbackOf(reply, failure);
  session.pacer.observe(feedback);
  if (failure) return { items: [...failBatch(sendable, failure).items, ...refused], rateFeedback: feedback };

  const items: ItemResult[] = [];
  for (const group of request.groups) {
    const scoped = reply.body.errors?.find((e) => e.path?.[0] === group.alias);
    const payload = setQuantitiesPayloadSchema.safeParse(reply.body.data?.[group.alias]);
    if (scoped || !payload.success) {
      const error = scoped
        ? fieldError(scoped)
        : new ChannelError({
            retryable: true,
            code: 'malformed_body',
            message: 'Shopify answered an unreadable inventorySetQuantities payload',
          });
      items.push(...failBatch(group.updates, error).items);
      continue;
    }
    const verdict = verdictsOf(group, payload.data);
    if (verdict.retireKey) session.batchKeys.retire(batchKey);
    items.push(...verdict.items);
  }
  const withActuals = await fillStaleActuals(session, sendable, items);
  return { items: [...withActuals, ...refused], rateFeedback: latestFeedback(session, feedback) };
}

/**
 * Stale entries get the quantity the shop shows now, read in one cheap query: the engine stores it as the
 * channel's quantity and retries with it as the new expectation. If the read fails, the entry stays stale
 * without one and the next attempt re-reads.
 */
async function fillStaleActuals(
  session: ShopifySession,
  sent: readonly Update[],
  items: readonly ItemResult[],
): Promise<ItemResult[]> {
  const stale = sent.filter((u) => items.some((i) => i.key === u.key && i.status === 'stale'));
  if (stale.length === 0) return [...items];
  let levels: Awaited<ReturnType<typeof readLevels>>;
  try {
    levels = await readLevels(
      session,
      stale.map((u) => u.listingRef),
    );
  } catch (error) {
    session.ctx.logger.warn('re-reading stale Shopify levels failed', { error: String(error) });
    return [...items];
  }
  const actual = new Map(
    stale.flatMap((u, i) => {
      const level = levels[i];
      return level?.status === 'ok' ? [[u.key, level.quantity] as const] : [];
    }),
  );
  return items.map((item) => {
    const quantity = actual.get(item.key);
    return item.status === 'stale' && quantity !== undefined
      ? { key: item.key, status: 'stale', actualQuantity: quantity }
      : item;
  });
}

/** The freshest bucket report (the stale re-read may have answered after the write). */
function latestFeedback(session: ShopifySession, feedback: RateFeedback): RateFeedback {
  const latest = session.latestBucket();
  return latest ? { ...feedback, costBucket: latest } : feedback;
}
