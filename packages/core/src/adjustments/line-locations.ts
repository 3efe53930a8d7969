import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';

/**
 * Resolves each line's optional location id to one of the store's locations (omitted = the default), in one
 * query. The first unknown (or other store's) id is a NotFoundError at `['lines', i, 'locationId']`.
 */
export async function resolveLineLocations(
  db: Db,
  storeId: number,
  lines: readonly { locationId?: number | undefined }[],
): Promise<number[]> {
  const given = [...new Set(lines.flatMap((l) => (l.locationId === undefined ? [] : [l.locationId])))];
  const rows = await db
    .selectFrom('locations')
    .select(['id', 'isDefault'])
    .where('storeId', '=', storeId)
    .where((eb) =>
      given.length > 0 ? eb.or([eb('isDefault', '=', 1), eb('id', 'in', given)]) : eb('isDefault', '=', 1),
    )
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const defaultId = rows.find((r) => r.isDefault === 1)?.id;
  return lines.map((line, i) => {
    const id = line.locationId ?? defaultId;
    if (id === undefined || !known.has(id)) throw new NotFoundError('location', ['lines', i, 'locationId']);
    return id;
  });
}
