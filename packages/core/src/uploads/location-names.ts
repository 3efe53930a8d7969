import type { Db } from '../db/connect.ts';

export interface NamedLocation {
  id: number;
  name: string;
}

/** Looks a location up by the name a file or feed uses; null or empty means the store's default. */
export type LocationByName = (name: string | null | undefined) => NamedLocation | null;

/**
 * Loads the store's locations (a handful) once and resolves names against them: the exact name, else the
 * one location whose name matches ignoring case ("main" finds "Main"; two such matches find nothing).
 */
export async function locationsByName(db: Db, storeId: number): Promise<LocationByName> {
  const locations = await db
    .selectFrom('locations')
    .select(['id', 'name', 'isDefault'])
    .where('storeId', '=', storeId)
    .orderBy('id')
    .execute();
  const exact = new Map(locations.map((l) => [l.name, l]));
  const folded = new Map<string, NamedLocation | null>();
  for (const l of locations) {
    const key = l.name.toLowerCase();
    folded.set(key, folded.has(key) ? null : l);
  }
  const fallback = locations.find((l) => l.isDefault === 1) ?? null;
  return (name) => {
    if (!name) return fallback;
    return exact.get(name) ?? folded.get(name.toLowerCase()) ?? null;
  };
}
