import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { preparedQuery } from '../db/statement-cache.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { now } from '../shared/time.ts';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';
import { parseInput } from '../validation/parse-input.ts';

export interface Location {
  id: number;
  storeId: number;
  name: string;
  isDefault: boolean;
}

export const locationInputSchema = z.object({
  name: z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE),
});

export async function createLocation(
  db: Db,
  storeId: number,
  input: z.input<typeof locationInputSchema>,
): Promise<Location> {
  const data = parseInput(locationInputSchema, input, 'location');
  const existing = await db
    .selectFrom('locations')
    .select('id')
    .where('storeId', '=', storeId)
    .where('name', '=', data.name)
    .executeTakeFirst();
  if (existing) throw new ConflictError(`a location named "${data.name}" already exists`, ['name']);
  const row = await db
    .insertInto('locations')
    .values({ storeId, name: data.name, isDefault: 0, createdAt: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, storeId, name: data.name, isDefault: false };
}

export async function listLocations(db: Db, storeId: number): Promise<Location[]> {
  const rows = await db
    .selectFrom('locations')
    .select(['id', 'storeId', 'name', 'isDefault'])
    .where('storeId', '=', storeId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, isDefault: r.isDefault === 1 }));
}

/**
 * Resolves an optional location id to one of the store's locations: the given one (which must belong to the
 * store) or the default. `path` names the input field for the error.
 */
export async function resolveLocationId(
  db: Db,
  storeId: number,
  locationId: number | undefined,
  path: (string | number)[] = ['locationId'],
): Promise<number> {
  const { rows } =
    locationId === undefined
      ? await defaultLocation(db, 0, [storeId])
      : await storeLocation(db, 0, [storeId, locationId]);
  const row = rows[0];
  if (!row) throw new NotFoundError('location', path);
  return row.id;
}

// Every order and adjustment resolves a location: prepared (see preparedQuery). Params: store[, location].
const defaultLocation = preparedQuery<{ id: number }>(
  (slot) => sql`select id from locations where store_id = ${slot(0)} and is_default = 1`,
);
const storeLocation = preparedQuery<{ id: number }>(
  (slot) => sql`select id from locations where store_id = ${slot(0)} and id = ${slot(1)}`,
);
