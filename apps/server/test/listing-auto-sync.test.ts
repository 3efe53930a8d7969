import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { adjustStock, createChannel, upsertListings } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { createSyncEngine } from '@ballast/sync-engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import { channelConfigResolver } from '../src/connectors/channel-config.ts';
import { installedConnectors } from '../src/connectors/installed-connectors.ts';
import { dirtyPairs as storeDirtyPairs } from './support/dirty-pairs.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ListingBody {
  id: number;
  productId: number;
  sku: string;
  productName: string;
  autoSyncOverride: boolean | null;
  autoSync: boolean;
  productAutoSync: boolean;
}
interface ProblemBody {
  code: string;
  errors?: { field: string }[];
}
interface BalanceBody {
  channels: {
    channelId: number;
    listingId: number | null;
    autoSyncOverride: boolean | null;
    autoSync: boolean;
  }[];
}

for (const dialect of DIALECTS) {
  describe(`listing Auto Sync override API [${dialect}]`, () => {
    let s: TestServer;
    let sim: WebhookSimulator;
    let notified = 0;
    let base: string;
    /** The simulator channel, connected through the API (its config stored as a merchant's would be). */
    let simChannel: number;
    /** A paused channel of the same store that lists ON too. */
    let otherChannel: number;
    const listingOf: Record<string, number> = {};
    let otherListing: number;
    const productOf: Record<string, number> = {};

    const path = (listingId: number, channelId = simChannel, storeId = s.store.id) =>
      `/stores/${storeId}/channels/${channelId}/listings/${listingId}/auto-sync`;
    const put = (listingId: number, body: unknown, options: Parameters<TestServer['request']>[2] = {}) =>
      s.request('PUT', path(listingId), { body, ...options });
    const drain = () =>
      createSyncEngine({
        db: s.t.db,
        connectors: installedConnectors,
        resolveChannelConfig: channelConfigResolver(s.deps.secrets),
      }).drain();
    const dirtyPairs = () => storeDirtyPairs(s.t.db, s.store.id);
    const overrides = async () =>
      (
        await s.t.db
          .selectFrom('listings')
          .select(['id', 'autoSyncOverride'])
          .where('storeId', '=', s.store.id)
          .orderBy('id')
          .execute()
      ).map((r) => [r.id, r.autoSyncOverride]);
    const listed = async () => {
      const res = await s.request('GET', `${base}/channels/${simChannel}/listings`);
      return ((await res.json()) as { items: ListingBody[] }).items;
    };
    const channelFlags = async (sku: string) => {
      const res = await s.request('GET', `${base}/products/${productOf[sku]}/balance`);
      const balance = (await res.json()) as BalanceBody;
      return balance.channels.find((c) => c.channelId === simChannel)!;
    };

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => notified++ });
      base = `/stores/${s.store.id}`;
      let config: Record<string, unknown>;
      ({ sim, config } = await startSimulatorChannel());
      sim.seed([
        { sku: 'ON', quantity: 0 },
        { sku: 'OFF', quantity: 0 },
      ]);
      for (const [sku, name, autoSync] of [
        ['ON', 'Follows an on product', true],
        ['OFF', 'Follows an off product', false],
      ] as const) {
        const res = await s.request('POST', `${base}/products`, { body: { sku, name, autoSync } });
        productOf[sku] = ((await res.json()) as { id: number }).id;
      }
      await adjustStock(s.t.db, s.store.id, {
        reason: 'count',
        lines: [
          { sku: 'ON', set: 5 },
          { sku: 'OFF', set: 7 },
        ],
      });
      const connected = await s.request('POST', `${base}/channels`, {
        body: { connectorId: 'webhook', name: 'Sim', config },
      });
      simChannel = ((await connected.json()) as { id: number }).id;
      expect((await s.request('POST', `${base}/channels/${simChannel}/match-listings`)).status).toBe(200);
      for (const listing of await listed()) listingOf[listing.sku] = listing.id;

      otherChannel = (await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Other' })).id;
      // Paused before it lists ON, so nothing is ever owed to it (it has no simulator behind it).
      await s.t.db.updateTable('channels').set({ status: 'paused' }).where('id', '=', otherChannel).execute();
      const other = await upsertListings(s.t.db, s.store.id, otherChannel, [
        { sku: 'ON', channelRef: 'o-1' },
      ]);
      otherListing = other.matched[0]!.listingId;
      await drain();
      expect(sim.quantityOf('ON')).toBe(5);
      expect(sim.quantityOf('OFF')).toBe(0);
    });
    afterAll(async () => {
      await sim?.close();
      await s?.close();
    });
    beforeEach(async () => {
      // Every listing follows its product again, nothing is owed, and the channel shows what was pushed.
      await s.t.db
        .updateTable('listings')
        .set({ autoSyncOverride: null })
        .where('storeId', '=', s.store.id)
        .execute();
      await drain();
      expect(await dirtyPairs()).toEqual([]);
      notified = 0;
    });

    describe('happy', () => {
      it('Always on pushes a product whose Auto Sync is off to this channel at once, and shows the listing', async () => {
        const res = await put(listingOf.OFF!, { override: true });
        expect(res.status).toBe(200);
        const body = (await res.json()) as ListingBody;
        expect(body).toMatchObject({
          id: listingOf.OFF,
          productId: productOf.OFF,
          sku: 'OFF',
          productName: 'Follows an off product',
          autoSyncOverride: true,
          autoSync: true,
          productAutoSync: false,
        });
        // Exactly the listings API's view of it, nothing more (no store, channel or sequence).
        expect((await listed()).find((l) => l.id === listingOf.OFF)).toEqual(body);
        expect(notified).toBe(1);
        expect(await dirtyPairs()).toEqual(['OFF@Sim!']);
        await drain();
        expect(sim.quantityOf('OFF')).toBe(7);
        expect(await channelFlags('OFF')).toMatchObject({ autoSyncOverride: true, autoSync: true });

        // Later changes follow it there too.
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'OFF', set: 6 }] });
        await drain();
        expect(sim.quantityOf('OFF')).toBe(6);
      });

      it('Always off drops the pending push and keeps later changes from this channel', async () => {
        const shown = sim.quantityOf('ON');
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'ON', set: 4 }] });
        expect(await dirtyPairs()).toEqual(['ON@Sim']);
        const res = await put(listingOf.ON!, { override: false });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          sku: 'ON',
          autoSyncOverride: false,
          autoSync: false,
          productAutoSync: true,
        });
        expect(await dirtyPairs()).toEqual([]);
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'ON', set: 3 }] });
        expect(await dirtyPairs()).toEqual([]);
        await drain();
        expect(sim.quantityOf('ON')).toBe(shown);
        // The product page says so for this channel, while the product itself stays on.
        expect(await channelFlags('ON')).toMatchObject({
          listingId: listingOf.ON,
          autoSyncOverride: false,
          autoSync: false,
        });
        const product = await s.request('GET', `${base}/products/${productOf.ON}`);
        expect(await product.json()).toMatchObject({ autoSync: true });

        // Back to following the product (on): pushed at once with the balance of now.
        const back = await put(listingOf.ON!, { override: null });
        expect(await back.json()).toMatchObject({ autoSyncOverride: null, autoSync: true });
        expect(notified).toBe(2);
        expect(await dirtyPairs()).toEqual(['ON@Sim!']);
        await drain();
        expect(sim.quantityOf('ON')).toBe(3);
        expect(await channelFlags('ON')).toMatchObject({ autoSyncOverride: null, autoSync: true });
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'ON', set: 5 }] });
        await drain();
        expect(sim.quantityOf('ON')).toBe(5);
      });

      it('back to following an off product stops the pushes again; setting the same value changes nothing', async () => {
        await put(listingOf.OFF!, { override: true });
        await drain();
        const again = await put(listingOf.OFF!, { override: true });
        expect(again.status).toBe(200);
        expect(await dirtyPairs()).toEqual([]);

        const follow = await put(listingOf.OFF!, { override: null });
        expect(await follow.json()).toMatchObject({ autoSyncOverride: null, autoSync: false });
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'OFF', set: 2 }] });
        await drain();
        expect(sim.quantityOf('OFF')).not.toBe(2);
        expect(await overrides()).toEqual([
          [listingOf.ON, null],
          [listingOf.OFF, null],
          [otherListing, null],
        ]);
      });
    });

    describe('error', () => {
      it('refuses bad bodies and path values with 422 problem+json naming the field, and writes nothing', async () => {
        const cases: [string, unknown, string][] = [
          [path(listingOf.ON!), { override: 'yes' }, 'body.override'],
          [path(listingOf.ON!), { override: 0 }, 'body.override'],
          [path(listingOf.ON!), {}, 'body.override'],
          [path(listingOf.ON!), { override: false, enabled: true }, 'body'],
          [path(listingOf.ON!), [false], 'body'],
          [path(0), { override: false }, 'path.listingId'],
          [path(listingOf.ON!, -1), { override: false }, 'path.channelId'],
          [`${base}/channels/${simChannel}/listings/1.5/auto-sync`, { override: false }, 'path.listingId'],
        ];
        for (const [url, body, field] of cases) {
          const res = await s.request('PUT', url, { body });
          expect(res.status, JSON.stringify(body)).toBe(422);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          const problem = (await res.json()) as ProblemBody;
          expect(
            problem.errors?.map((e) => e.field),
            `${url} ${JSON.stringify(body)}`,
          ).toContain(field);
        }
        expect((await s.request('PUT', path(listingOf.ON!), { body: 'not json' })).status).toBe(400);
        expect(await overrides()).toEqual([
          [listingOf.ON, null],
          [listingOf.OFF, null],
          [otherListing, null],
        ]);
        expect(await dirtyPairs()).toEqual([]);
        expect(notified).toBe(0);
      });

      it('answers 404 for a listing of another channel or none, and an unknown channel, and writes nothing', async () => {
        for (const [url, field] of [
          [path(otherListing), 'path.listingId'],
          [path(listingOf.ON!, otherChannel), 'path.listingId'],
          [path(999_999), 'path.listingId'],
          [path(listingOf.ON!, 999_999), undefined],
        ] as const) {
          const res = await s.request('PUT', url, { body: { override: false } });
          expect(res.status, url).toBe(404);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          const problem = (await res.json()) as ProblemBody;
          expect(problem.code).toBe('not_found');
          expect(problem.errors?.map((e) => e.field)).toEqual(field && [field]);
        }
        expect(await overrides()).toEqual([
          [listingOf.ON, null],
          [listingOf.OFF, null],
          [otherListing, null],
        ]);
        expect(notified).toBe(0);
      });
    });

    describe('security', () => {
      it('refuses no token and a revoked token, and writes nothing', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'old');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const bearer of [null, secret]) {
          const res = await put(listingOf.ON!, { override: false }, { token: bearer });
          expect(res.status).toBe(401);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
        }
        expect((await overrides())[0]).toEqual([listingOf.ON, null]);
        expect(notified).toBe(0);
      });

      it('refuses another store’s token, and does not find this store’s listing under that store', async () => {
        const res = await put(listingOf.ON!, { override: false }, { token: s.otherToken });
        expect(res.status).toBe(403);
        const theirChannel = await createChannel(s.t.db, s.otherStore.id, {
          connectorId: 'webhook',
          name: 'T',
        });
        const underTheirs = await s.request('PUT', path(listingOf.ON!, theirChannel.id, s.otherStore.id), {
          body: { override: false },
          token: s.otherToken,
        });
        expect(underTheirs.status).toBe(404);
        // Their channel under my store's path is not found either.
        const crossed = await s.request('PUT', path(listingOf.ON!, theirChannel.id), {
          body: { override: false },
        });
        expect(crossed.status).toBe(404);
        expect((await overrides())[0]).toEqual([listingOf.ON, null]);
        expect(await dirtyPairs()).toEqual([]);
        expect(notified).toBe(0);
      });
    });
  });
}
