import { computeSyncableBalances, listSyncHistory } from '@ballast/core';
import type { SyncFixture } from './sync-fixture.ts';

/** Every product's quantity on the simulator next to the master's syncable balance. */
export async function channelVersusMaster(
  f: SyncFixture,
): Promise<{ sku: string; channel: number | undefined; master: number | null }[]> {
  const products = await f.db
    .selectFrom('products')
    .select(['id', 'sku'])
    .where('storeId', '=', f.store.id)
    .execute();
  const balances = await computeSyncableBalances(
    f.db,
    f.store.id,
    f.channelId,
    products.map((p) => p.id),
  );
  return products.map((p) => ({
    sku: p.sku,
    channel: f.sim.quantityOf(p.sku),
    master: balances.get(p.id)?.quantity ?? null,
  }));
}

/** Waits until no pair is waiting to be pushed and the channel shows the master's balance everywhere. */
export async function waitForConvergence(f: SyncFixture, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dirty = await f.db.selectFrom('syncDirty').select('productId').execute();
    const diff = (await channelVersusMaster(f)).filter((row) => row.channel !== row.master);
    if (dirty.length === 0 && diff.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `no convergence: ${dirty.length} dirty pairs, differences ${JSON.stringify(diff.slice(0, 5))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Products whose newest succeeded push differs from the master's balance (empty when all agree). */
export async function latestPushesVersusMaster(
  f: SyncFixture,
): Promise<{ sku: string; pushed: number | null; master: number | null }[]> {
  const mismatches: { sku: string; pushed: number | null; master: number | null }[] = [];
  for (const row of await channelVersusMaster(f)) {
    const product = await f.db
      .selectFrom('products')
      .select('id')
      .where('sku', '=', row.sku)
      .executeTakeFirstOrThrow();
    const latest = await listSyncHistory(f.db, f.store.id, {
      productId: product.id,
      status: ['succeeded'],
      limit: 1,
    });
    const pushed = latest.items[0]?.quantity ?? null;
    if (pushed !== row.master) mismatches.push({ sku: row.sku, pushed, master: row.master });
  }
  return mismatches;
}
