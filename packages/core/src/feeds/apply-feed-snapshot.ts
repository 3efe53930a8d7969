import type { Db } from '../db/connect.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { idempotencyKeyOf } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { type MovementInput, recordMovements } from '../ledger/record-movements.ts';
import { now } from '../shared/time.ts';
import { readOnHand } from '../uploads/current-on-hand.ts';
import { locationsByName } from '../uploads/location-names.ts';
import { productsBySku } from '../uploads/products-by-sku.ts';
import { parseInput } from '../validation/parse-input.ts';
import { markFeedCoverageDirty, replaceFeedCoverage } from './feed-coverage.ts';
import { type FeedSnapshot, feedSnapshotSchema } from './feed-input.ts';
import { isStaleAt, staleAtOf } from './feed-staleness.ts';
import { type FeedRunStatus, getFeed, getFeedRow } from './feeds.ts';

/** What one feed run did. */
export interface FeedRunResult {
  runId: number;
  feedId: number;
  status: FeedRunStatus;
  /** Items in the snapshot. */
  rowCount: number;
  /** Positions whose on hand changed (one movement each). */
  changed: number;
  /** SKUs the store does not have: reported, never created, never fatal. */
  unknownSkus: string[];
  /** Kit SKUs in the snapshot: kits have no stock of their own, so these items were skipped. */
  ignoredKits: string[];
  /** Why a failed run failed. */
  error: string | null;
  at: number;
}

/**
 * Applies an inventory snapshot: sets on hand of each listed (SKU, location) to the given absolute value,
 * through the ledger (cause `feed`, ref = the run id), and records the run on the feed. Positions the
 * snapshot does not list are left alone. Unknown SKUs are reported in the result and the run, not fatal;
 * invalid items (negative or fractional on hand, unknown location, a position listed twice) throw a
 * ValidationError with their item paths and nothing is written.
 *
 * The listed positions become the feed's coverage (see replaceFeedCoverage) and the feed is fresh again; if
 * it was stale, the products it covered are marked dirty so the pushes held meanwhile go out.
 *
 * @example
 * await applyFeedSnapshot(db, storeId, feedId, { items: [{ sku: 'MUG', onHand: 12 }, { sku: 'CUP', location: 'Annex', onHand: 0 }] });
 */
export async function applyFeedSnapshot(
  db: Db,
  storeId: number,
  feedId: number,
  input: FeedSnapshot & { idempotencyKey?: string | undefined },
): Promise<FeedRunResult> {
  const key = idempotencyKeyOf({ idempotencyKey: input.idempotencyKey });
  const { items } = parseInput(feedSnapshotSchema, { items: input.items }, 'feed snapshot');
  await getFeed(db, storeId, feedId);
  return runIdempotent(
    db,
    { storeId, key, operation: 'feeds.apply', request: { feedId, items } },
    async (trx) => {
      const feed = await getFeedRow(trx, storeId, feedId);
      const findLocation = await locationsByName(trx, storeId);
      const products = await productsBySku(
        trx,
        storeId,
        items.map((i) => i.sku),
      );

      const issues: FieldIssue[] = [];
      const unknownSkus = new Set<string>();
      const ignoredKits = new Set<string>();
      const firstItemAt = new Map<string, number>();
      const targets: { productId: number; locationId: number; onHand: number; index: number }[] = [];
      items.forEach((item, index) => {
        const location = findLocation(item.location);
        if (!location) {
          issues.push({ path: ['items', index, 'location'], message: `unknown location "${item.location}"` });
          return;
        }
        const position = `${item.sku}\u0000${location.id}`;
        const first = firstItemAt.get(position);
        if (first !== undefined) {
          issues.push({ path: ['items', index], message: `same SKU and location as items[${first}]` });
          return;
        }
        firstItemAt.set(position, index);
        const product = products.get(item.sku);
        if (!product) unknownSkus.add(item.sku);
        else if (product.kind === 'kit') ignoredKits.add(item.sku);
        else targets.push({ productId: product.id, locationId: location.id, onHand: item.onHand, index });
      });
      if (issues.length > 0) throw new ValidationError('invalid feed snapshot', issues);

      const current = await readOnHand(trx, storeId, targets, { lock: true });
      const movements: MovementInput[] = [];
      for (const t of targets) {
        const delta = t.onHand - current.get(t.productId, t.locationId);
        if (delta !== 0)
          movements.push({
            productId: t.productId,
            locationId: t.locationId,
            bucket: 'on_hand',
            delta,
            path: ['items', t.index],
          });
      }

      const at = now();
      const wasStale = isStaleAt(feed.staleAt, at);
      const run = await trx
        .insertInto('feedRuns')
        .values({
          storeId,
          feedId,
          status: 'applied',
          rowCount: items.length,
          changed: movements.length,
          unknownSkus: JSON.stringify([...unknownSkus]),
          error: null,
          at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Setting absolute values never goes below zero, so recordMovements' negative-stock check cannot fire.
      await recordMovements(trx, {
        storeId,
        cause: { type: 'feed', ref: String(run.id) },
        movements,
        idempotencyKey: key ?? null,
      });
      // Before the coverage changes: a position dropped from this snapshot was held too.
      if (wasStale) await markFeedCoverageDirty(trx, storeId, feedId, String(run.id));
      await replaceFeedCoverage(trx, storeId, feedId, targets);
      await trx
        .updateTable('feeds')
        .set({
          lastRunAt: at,
          lastStatus: 'applied',
          lastError: null,
          lastAppliedAt: at,
          staleAt: staleAtOf({ ...feed, lastAppliedAt: at }),
          staleNoticedAt: null,
        })
        .where('id', '=', feedId)
        .execute();
      return {
        runId: run.id,
        feedId,
        status: 'applied' as const,
        rowCount: items.length,
        changed: movements.length,
        unknownSkus: [...unknownSkus],
        ignoredKits: [...ignoredKits],
        error: null,
        at,
      };
    },
  );
}

/** Records a run that changed nothing because the snapshot could not be fetched, read or applied. */
export async function recordFailedFeedRun(
  db: Db,
  storeId: number,
  feedId: number,
  error: string,
): Promise<FeedRunResult> {
  return db.transaction().execute(async (trx) => {
    await getFeed(trx, storeId, feedId);
    const at = now();
    // The reason may quote the fetched body, which can hold NUL bytes that PostgreSQL refuses in text.
    const message = error.replaceAll('\u0000', '\uFFFD').slice(0, 2000);
    const run = await trx
      .insertInto('feedRuns')
      .values({
        storeId,
        feedId,
        status: 'failed',
        rowCount: 0,
        changed: 0,
        unknownSkus: '[]',
        error: message,
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('feeds')
      .set({ lastRunAt: at, lastStatus: 'failed', lastError: message })
      .where('id', '=', feedId)
      .execute();
    return {
      runId: run.id,
      feedId,
      status: 'failed' as const,
      rowCount: 0,
      changed: 0,
      unknownSkus: [],
      ignoredKits: [],
      error: message,
      at,
    };
  });
}
