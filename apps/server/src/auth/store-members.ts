import type { Db } from '@ballast/core';

export type StoreRole = 'owner' | 'member';
export const STORE_ROLES: readonly StoreRole[] = ['owner', 'member'];

interface UserStoresTable {
  userId: string;
  storeId: number;
  role: StoreRole;
  createdAt: number;
}

export interface StoreMembership {
  storeId: number;
  storeName: string;
  role: StoreRole;
}

const members = (db: Db) => db.withTables<{ userStores: UserStoresTable }>();

/** Lets a user act for a store; adding them again changes their role. */
export async function addStoreMember(
  db: Db,
  userId: string,
  storeId: number,
  role: StoreRole,
): Promise<void> {
  await members(db)
    .insertInto('userStores')
    .values({ userId, storeId, role, createdAt: Date.now() })
    .onConflict((oc) => oc.columns(['userId', 'storeId']).doUpdateSet({ role }))
    .execute();
}

/** The ids of the stores a user acts for: what a session principal carries. */
export async function storeIdsOf(db: Db, userId: string): Promise<number[]> {
  const rows = await members(db)
    .selectFrom('userStores')
    .select('storeId')
    .where('userId', '=', userId)
    .orderBy('storeId')
    .execute();
  return rows.map((r) => r.storeId);
}

/** A user's stores with their names and the user's role in each, for the session view. */
export async function membershipsOf(db: Db, userId: string): Promise<StoreMembership[]> {
  return members(db)
    .selectFrom('userStores as m')
    .innerJoin('stores as s', 's.id', 'm.storeId')
    .select(['m.storeId', 's.name as storeName', 'm.role'])
    .where('m.userId', '=', userId)
    .orderBy('m.storeId')
    .execute();
}
