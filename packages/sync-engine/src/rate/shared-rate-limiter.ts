import type { RateFeedback, RateModels } from '@ballast/connector-kit';
import { type Db, dialectOf } from '@ballast/core';
import { initialRateState, observe, type RateState, reserve } from './rate-state.ts';

/**
 * Paces calls to each channel with state kept in the database, so every worker process shares one budget per
 * channel. A reservation is one short transaction; the caller then waits the returned time and sends.
 */
export class SharedRateLimiter {
  constructor(private readonly db: Db) {}

  /** Books a call and returns how many milliseconds to wait before making it. */
  async reserve(channelId: number, models: RateModels, cost: number, now = Date.now()): Promise<number> {
    return this.update(channelId, models, now, (state) => reserve(models, state, cost, now));
  }

  /**
   * Feeds what the channel reported after a call back into the shared state. `sentAt`: when the call's
   * reservation let it go (the reservation's `now` plus the wait it returned).
   */
  async observe(
    channelId: number,
    models: RateModels,
    feedback: RateFeedback | undefined,
    now = Date.now(),
    sentAt = now,
  ): Promise<void> {
    if (!feedback) return;
    await this.update(channelId, models, now, (state) => ({
      state: observe(models, state, feedback, now, sentAt),
      waitMs: 0,
    }));
  }

  private async update(
    channelId: number,
    models: RateModels,
    now: number,
    change: (state: RateState) => { state: RateState; waitMs: number },
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // Create the row first so that concurrent workers always serialise on its lock.
      await trx
        .insertInto('channelRateState')
        .values({ channelId, state: JSON.stringify(initialRateState(models, now)), updatedAt: now })
        .onConflict((oc) => oc.column('channelId').doNothing())
        .execute();
      const row = await trx
        .selectFrom('channelRateState')
        .select('state')
        .where('channelId', '=', channelId)
        .$if(dialectOf(trx) === 'postgres', (qb) => qb.forUpdate())
        .executeTakeFirstOrThrow();
      const current = JSON.parse(row.state) as RateState;
      const { state, waitMs } = change(current);
      await trx
        .updateTable('channelRateState')
        .set({ state: JSON.stringify(state), updatedAt: now })
        .where('channelId', '=', channelId)
        .execute();
      return waitMs;
    });
  }
}
