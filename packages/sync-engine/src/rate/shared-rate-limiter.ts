import type { RateFeedback, RateModels } from '@ballast/connector-kit';
import { type Db, type DialectName, dialectOf, preparedQuery, transact } from '@ballast/core';
import { sql } from 'kysely';
import { initialRateState, observe, type RateState, reserve } from './rate-state.ts';

// Every push and lookup books and corrects the channel's budget here: prepared templates (see preparedQuery).

/** Params: channel, initial state, now. */
const createState = preparedQuery<never>(
  (
    slot,
  ) => sql`insert into channel_rate_state (channel_id, state, updated_at) values (${slot(0)}, ${slot(1)}, ${slot(2)})
    on conflict (channel_id) do nothing`,
);

/** Params: channel. PostgreSQL locks the row until the transaction ends; SQLite's writer holds the database. */
const lockState = preparedQuery<{ state: string }, DialectName>(
  (slot, dialect) => sql`select state from channel_rate_state where channel_id = ${slot(0)}
    ${dialect === 'postgres' ? sql`for update` : sql``}`,
);

/** Params: channel, state, now. */
const writeState = preparedQuery<never>(
  (slot) =>
    sql`update channel_rate_state set state = ${slot(1)}, updated_at = ${slot(2)} where channel_id = ${slot(0)}`,
);

/**
 * Paces calls to each channel with state kept in the database, so every worker process shares one budget per
 * channel. A reservation is one short transaction; the caller then waits the returned time and sends. Built on
 * a transaction, the limiter books in it: a round joins its reservation to the writes it makes anyway, so one
 * turn at SQLite's write lock does both.
 */
export class SharedRateLimiter {
  constructor(private readonly db: Db) {}

  /** The same limiter booking in `db`, e.g. a transaction that writes a round's attempts. */
  in(db: Db): SharedRateLimiter {
    return new SharedRateLimiter(db);
  }

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
    return transact(this.db, async (trx) => {
      // Create the row first so that concurrent workers always serialise on its lock.
      await createState(trx, 0, [channelId, JSON.stringify(initialRateState(models, now)), now]);
      const { rows } = await lockState(trx, dialectOf(trx), [channelId]);
      const current = JSON.parse(rows[0]!.state) as RateState;
      const { state, waitMs } = change(current);
      await writeState(trx, 0, [channelId, JSON.stringify(state), now]);
      return waitMs;
    });
  }
}
