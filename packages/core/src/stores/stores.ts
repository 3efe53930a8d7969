import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { transact } from '../db/group-commit.ts';
import { NotFoundError } from '../errors.ts';
import { now } from '../shared/time.ts';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';
import { parseInput } from '../validation/parse-input.ts';

export interface Store {
  id: number;
  name: string;
  /** Whether movements may take on hand below zero (see README, "Negative stock"). */
  allowNegative: boolean;
  defaultLocationId: number;
  createdAt: number;
}

export const storeInputSchema = z.object({
  name: z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE),
  allowNegative: z.boolean().default(false),
  defaultLocationName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(hasNoNul, NO_NUL_MESSAGE)
    .default('Main warehouse'),
});
export type StoreInput = z.input<typeof storeInputSchema>;

/** Creates a store with its default location. */
export async function createStore(db: Db, input: StoreInput): Promise<Store> {
  const data = parseInput(storeInputSchema, input, 'store');
  return transact(db, async (trx) => {
    const at = now();
    const store = await trx
      .insertInto('stores')
      .values({ name: data.name, allowNegative: data.allowNegative ? 1 : 0, createdAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const location = await trx
      .insertInto('locations')
      .values({ storeId: store.id, name: data.defaultLocationName, isDefault: 1, createdAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id: store.id,
      name: data.name,
      allowNegative: data.allowNegative,
      defaultLocationId: location.id,
      createdAt: at,
    };
  });
}

function storeQuery(db: Db) {
  return db
    .selectFrom('stores as s')
    .innerJoin('locations as l', (join) => join.onRef('l.storeId', '=', 's.id').on('l.isDefault', '=', 1))
    .select(['s.id', 's.name', 's.allowNegative', 's.createdAt', 'l.id as defaultLocationId']);
}

type StoreQueryRow = {
  id: number;
  name: string;
  allowNegative: number;
  createdAt: number;
  defaultLocationId: number;
};
const toStore = (row: StoreQueryRow): Store => ({ ...row, allowNegative: row.allowNegative === 1 });

export async function getStore(db: Db, storeId: number): Promise<Store> {
  const row = await storeQuery(db).where('s.id', '=', storeId).executeTakeFirst();
  if (!row) throw new NotFoundError('store');
  return toStore(row);
}

export async function listStores(db: Db, storeIds?: readonly number[]): Promise<Store[]> {
  let query = storeQuery(db).orderBy('s.id');
  if (storeIds) {
    if (storeIds.length === 0) return [];
    query = query.where('s.id', 'in', storeIds);
  }
  return (await query.execute()).map(toStore);
}

export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  allowNegative: z.boolean().optional(),
});

export async function updateStore(
  db: Db,
  storeId: number,
  input: z.input<typeof storeSettingsSchema>,
): Promise<Store> {
  const data = parseInput(storeSettingsSchema, input, 'store settings');
  if (data.name !== undefined || data.allowNegative !== undefined) {
    await db
      .updateTable('stores')
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(data.allowNegative !== undefined && { allowNegative: data.allowNegative ? 1 : 0 }),
      })
      .where('id', '=', storeId)
      .execute();
  }
  return getStore(db, storeId);
}
