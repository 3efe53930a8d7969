import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { preparedQuery } from '../db/statement-cache.ts';
import { ValidationError } from '../errors.ts';

/**
 * Refuses location ids that are not the store's (another store's id behaves as unknown). Reports every bad
 * entry at `[...path, index]`.
 */
export async function assertStoreLocations(
  db: Db,
  storeId: number,
  locationIds: readonly number[],
  path: (string | number)[] = ['locationIds'],
): Promise<void> {
  const rows = await db
    .selectFrom('locations')
    .select('id')
    .where('storeId', '=', storeId)
    .where('id', 'in', locationIds)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const issues = locationIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: [...path, i], message: `unknown location ${id}` }],
  );
  if (issues.length > 0) throw new ValidationError('invalid channel locations', issues);
}

/**
 * Sets which locations a channel counts (null = all). Returns whether the effective set changed, so the
 * caller knows whether balances on that channel moved.
 */
export async function replaceChannelLocations(
  trx: Db,
  channelId: number,
  locationIds: readonly number[] | null,
): Promise<boolean> {
  // A no-op update takes the channel's row lock first (PostgreSQL), so concurrent edits of one channel's
  // locations run one after the other instead of colliding on channel_locations' primary key.
  const channel = await trx
    .updateTable('channels')
    .set((eb) => ({ allLocations: eb.ref('allLocations') }))
    .where('id', '=', channelId)
    .returning('allLocations')
    .executeTakeFirstOrThrow();
  const current = await trx
    .selectFrom('channelLocations')
    .select('locationId')
    .where('channelId', '=', channelId)
    .execute();
  const before = channel.allLocations === 1 ? null : new Set(current.map((r) => r.locationId));
  if (sameLocations(before, locationIds)) return false;

  await trx.deleteFrom('channelLocations').where('channelId', '=', channelId).execute();
  if (locationIds !== null) {
    await trx
      .insertInto('channelLocations')
      .values(locationIds.map((locationId) => ({ channelId, locationId })))
      .execute();
  }
  await trx
    .updateTable('channels')
    .set({ allLocations: locationIds === null ? 1 : 0 })
    .where('id', '=', channelId)
    .execute();
  return true;
}

function sameLocations(before: ReadonlySet<number> | null, after: readonly number[] | null): boolean {
  if (before === null || after === null) return before === after;
  return before.size === after.length && after.every((id) => before.has(id));
}

// Prepared: the sync loop asks for its channel's locations every round.

/** Params: store. */
const storeLocations = preparedQuery<{ locationId: number }>(
  (slot) => sql`select id as location_id from locations where store_id = ${slot(0)} order by id`,
);

/** Params: channel. */
const channelLocations = preparedQuery<{ locationId: number }>(
  (slot) => sql`select location_id from channel_locations where channel_id = ${slot(0)} order by location_id`,
);

/**
 * The location ids a channel counts right now, ascending: its chosen subset, or every location of the
 * store when it counts all.
 */
export async function effectiveChannelLocationIds(
  db: Db,
  storeId: number,
  channel: { id: number; allLocations: number },
): Promise<number[]> {
  const { rows } =
    channel.allLocations === 1
      ? await storeLocations(db, 0, [storeId])
      : await channelLocations(db, 0, [channel.id]);
  return rows.map((r) => r.locationId);
}
