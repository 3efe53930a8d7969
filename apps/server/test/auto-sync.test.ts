import {
  adjustStock,
  type Channel,
  createChannel,
  createProduct,
  getProductBalance,
  type Product,
  setListingAutoSync,
  setRule,
  upsertListings,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import { dirtyPairs as storeDirtyPairs } from './support/dirty-pairs.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ProblemBody {
  code: string;
  errors?: { field: string }[];
}

interface PreviewBody {
  products: number;
  previewedProducts: number;
  channels: number;
  rows: {
    productId: number;
    sku: string;
    channelId: number;
    listingId: number | null;
    channelQuantity: number | null;
    pushQuantity: number | null;
    changes: boolean | null;
  }[];
  changing: number;
  unchanged: number;
  unknown: number;
  held: number;
}

const fieldsOf = async (res: Response) => ((await res.json()) as ProblemBody).errors?.map((e) => e.field);

for (const dialect of DIALECTS) {
  describe(`Auto Sync API [${dialect}]`, () => {
    let s: TestServer;
    let base: string;
    let notified = 0;
    let web: Channel;
    let market: Channel;
    let paused: Channel;
    const products: Record<string, Product> = {};
    const idOf = (sku: string) => products[sku]!.id;

    const dirtyPairs = () => storeDirtyPairs(s.t.db, s.store.id);
    const flags = async () => {
      const rows = await s.t.db
        .selectFrom('products')
        .select(['sku', 'autoSync'])
        .where('storeId', '=', s.store.id)
        .orderBy('sku')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.sku, r.autoSync === 1]));
    };
    const allOff = () =>
      s.request('POST', `${base}/products/auto-sync`, { body: { filter: {}, enabled: false } });

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => notified++ });
      base = `/stores/${s.store.id}`;
      web = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Web' });
      market = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Market' });
      paused = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Paused' });
      await s.t.db.updateTable('channels').set({ status: 'paused' }).where('id', '=', paused.id).execute();
      for (const sku of ['MUG-RED', 'MUG-BLUE', 'PLATE', 'BOWL']) {
        products[sku] = await createProduct(s.t.db, s.store.id, { sku, name: sku });
      }
      products['MUG-KIT'] = await createProduct(s.t.db, s.store.id, {
        sku: 'MUG-KIT',
        name: 'Mug kit',
        kind: 'kit',
        components: [{ sku: 'MUG-RED', quantity: 2 }],
      });
      await adjustStock(s.t.db, s.store.id, {
        reason: 'count',
        lines: [
          { sku: 'MUG-RED', set: 10 },
          { sku: 'MUG-BLUE', set: 4 },
          { sku: 'PLATE', set: 6 },
        ],
      });
      await setRule(s.t.db, s.store.id, { scope: 'channel', scopeId: market.id, buffer: 1 });
      // Web reported what it shows: MUG-RED already right (10), MUG-BLUE different (9); PLATE unknown.
      const links = await upsertListings(s.t.db, s.store.id, web.id, [
        { sku: 'MUG-RED', channelRef: 'w-1', quantity: 10 },
        { sku: 'MUG-BLUE', channelRef: 'w-2', quantity: 9 },
        { sku: 'PLATE', channelRef: 'w-3' },
      ]);
      // The BOWL listing on Market keeps Auto Sync off whatever the product says.
      const bowl = await upsertListings(s.t.db, s.store.id, market.id, [{ sku: 'BOWL', channelRef: 'm-9' }]);
      await setListingAutoSync(s.t.db, s.store.id, bowl.matched[0]!.listingId, false);
      expect(links.matched).toHaveLength(3);
    });
    afterAll(() => s.close());
    beforeEach(async () => {
      expect((await allOff()).status).toBe(200);
      expect(await dirtyPairs()).toEqual([]);
      notified = 0;
    });

    describe('happy', () => {
      it('turns one product on (pushed to every active channel at once) and off again', async () => {
        const path = `${base}/products/${idOf('PLATE')}/auto-sync`;
        const on = await s.request('PUT', path, { body: { enabled: true } });
        expect(on.status).toBe(200);
        expect(await on.json()).toEqual({ updated: 1, marked: 2, unmarked: 0 });
        expect(await dirtyPairs()).toEqual(['PLATE@Market!', 'PLATE@Web!']);
        expect(notified).toBe(1);

        const again = await s.request('PUT', path, { body: { enabled: true } });
        expect(await again.json()).toEqual({ updated: 0, marked: 0, unmarked: 0 });

        const off = await s.request('PUT', path, { body: { enabled: false } });
        expect(await off.json()).toEqual({ updated: 1, marked: 0, unmarked: 2 });
        expect(await dirtyPairs()).toEqual([]);
        expect((await flags()).PLATE).toBe(false);
      });

      it('turns on by filter: exactly the matching products, on active channels, minus listing overrides', async () => {
        const res = await s.request('POST', `${base}/products/auto-sync`, {
          body: { filter: { q: 'mug', kind: 'simple' }, enabled: true },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ updated: 2, marked: 4, unmarked: 0 });
        expect(await flags()).toEqual({
          BOWL: false,
          'MUG-BLUE': true,
          'MUG-KIT': false,
          'MUG-RED': true,
          PLATE: false,
        });
        expect(await dirtyPairs()).toEqual([
          'MUG-BLUE@Market!',
          'MUG-BLUE@Web!',
          'MUG-RED@Market!',
          'MUG-RED@Web!',
        ]);
        expect(notified).toBe(1);

        const bowl = await s.request('POST', `${base}/products/auto-sync`, {
          body: { filter: { q: 'bowl' }, enabled: true },
        });
        expect(await bowl.json()).toEqual({ updated: 1, marked: 1, unmarked: 0 });
        expect(await dirtyPairs()).toContain('BOWL@Web!');
        expect(await dirtyPairs()).not.toContain('BOWL@Market!');
      });

      it('turns on by ids, and replays the same Idempotency-Key without acting twice', async () => {
        const body = { ids: [idOf('PLATE'), idOf('MUG-KIT')], enabled: true };
        const headers = { 'idempotency-key': `bulk-${dialect}` };
        const first = await s.request('POST', `${base}/products/auto-sync`, { body, headers });
        expect(await first.json()).toEqual({ updated: 2, marked: 4, unmarked: 0 });
        await s.t.db.deleteFrom('syncDirty').execute();
        const replay = await s.request('POST', `${base}/products/auto-sync`, { body, headers });
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(await replay.json()).toEqual({ updated: 2, marked: 4, unmarked: 0 });
        expect(await dirtyPairs()).toEqual([]);
      });

      it('previews what the channels will be overwritten with, using core’s balances', async () => {
        const res = await s.request('POST', `${base}/products/auto-sync/preview`, { body: { filter: {} } });
        expect(res.status).toBe(200);
        const preview = (await res.json()) as PreviewBody;
        expect(preview).toMatchObject({ products: 5, previewedProducts: 5, channels: 2 });
        // 5 products x 2 active channels, less BOWL on Market (its listing keeps Auto Sync off).
        expect(preview.rows).toHaveLength(9);
        for (const row of preview.rows) {
          const balance = await getProductBalance(s.t.db, s.store.id, row.productId);
          const expected = balance.channels.find((c) => c.channelId === row.channelId)!.syncable.quantity;
          expect(row.pushQuantity, `${row.sku} on ${row.channelId}`).toBe(expected);
        }
        const web1 = (sku: string) => preview.rows.find((r) => r.sku === sku && r.channelId === web.id)!;
        expect(web1('MUG-RED')).toMatchObject({ channelQuantity: 10, pushQuantity: 10, changes: false });
        expect(web1('MUG-BLUE')).toMatchObject({ channelQuantity: 9, pushQuantity: 4, changes: true });
        expect(web1('PLATE')).toMatchObject({ channelQuantity: null, pushQuantity: 6, changes: null });
        expect(web1('MUG-KIT')).toMatchObject({ listingId: null, pushQuantity: 5 });
        const onMarket = preview.rows.find((r) => r.sku === 'MUG-RED' && r.channelId === market.id)!;
        expect(onMarket.pushQuantity).toBe(9); // buffer 1
        expect(preview.changing).toBe(1);
        expect(preview.unchanged).toBe(1);
        expect(preview.unknown).toBe(7);
        expect(preview.held).toBe(0);
        // A preview is a read: nothing turned on, nothing queued.
        expect(Object.values(await flags()).every((on) => !on)).toBe(true);
        expect(await dirtyPairs()).toEqual([]);
        expect(notified).toBe(0);
      });

      it('previews only products that would change, up to the limit, with the full count', async () => {
        await s.request('PUT', `${base}/products/${idOf('MUG-RED')}/auto-sync`, {
          body: { enabled: true },
        });
        const res = await s.request('POST', `${base}/products/auto-sync/preview`, {
          body: { filter: { q: 'mug' }, limit: 1 },
        });
        const preview = (await res.json()) as PreviewBody;
        expect(preview.products).toBe(2); // MUG-BLUE and MUG-KIT; MUG-RED is already on
        expect(preview.previewedProducts).toBe(1);
        expect(new Set(preview.rows.map((r) => r.sku))).toEqual(new Set(['MUG-BLUE']));
        const byIds = await s.request('POST', `${base}/products/auto-sync/preview`, {
          body: { ids: [idOf('PLATE')] },
        });
        expect(((await byIds.json()) as PreviewBody).rows.map((r) => r.sku)).toEqual(['PLATE', 'PLATE']);
      });
    });

    describe('error', () => {
      it('refuses bad bodies with 422 naming the field, and changes nothing', async () => {
        const path = `${base}/products/${idOf('PLATE')}/auto-sync`;
        const cases: [string, string, unknown, string][] = [
          ['PUT', path, { enabled: 'yes' }, 'body.enabled'],
          ['PUT', path, {}, 'body.enabled'],
          ['POST', `${base}/products/auto-sync`, { enabled: true }, 'body.ids'],
          ['POST', `${base}/products/auto-sync`, { ids: [1], filter: {}, enabled: true }, 'body.ids'],
          [
            'POST',
            `${base}/products/auto-sync`,
            { filter: { kind: 'box' }, enabled: true },
            'body.filter.kind',
          ],
          ['POST', `${base}/products/auto-sync`, { filter: { colour: 'red' }, enabled: true }, 'body.filter'],
          ['POST', `${base}/products/auto-sync`, { ids: [0], enabled: true }, 'body.ids[0]'],
          ['POST', `${base}/products/auto-sync`, { filter: {} }, 'body.enabled'],
          ['POST', `${base}/products/auto-sync/preview`, { filter: {}, limit: 0 }, 'body.limit'],
          ['POST', `${base}/products/auto-sync/preview`, {}, 'body.ids'],
        ];
        for (const [method, url, body, field] of cases) {
          const res = await s.request(method, url, { body });
          expect(res.status, JSON.stringify(body)).toBe(422);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(await fieldsOf(res), JSON.stringify(body)).toContain(field);
        }
        expect(Object.values(await flags()).every((on) => !on)).toBe(true);
        expect(await dirtyPairs()).toEqual([]);
        expect(notified).toBe(0);
      });

      it('answers unknown products with 404 naming where they were given, and changes nothing', async () => {
        const put = await s.request('PUT', `${base}/products/999999/auto-sync`, { body: { enabled: true } });
        expect(put.status).toBe(404);
        expect(await fieldsOf(put)).toEqual(['path.productId']);
        const bulk = await s.request('POST', `${base}/products/auto-sync`, {
          body: { ids: [idOf('PLATE'), 999999], enabled: true },
        });
        expect(bulk.status).toBe(404);
        expect(await fieldsOf(bulk)).toEqual(['body.ids[1]']);
        const preview = await s.request('POST', `${base}/products/auto-sync/preview`, {
          body: { ids: [999999] },
        });
        expect(preview.status).toBe(404);
        expect(await fieldsOf(preview)).toEqual(['body.ids[0]']);
        expect((await flags()).PLATE).toBe(false);
        expect(await dirtyPairs()).toEqual([]);
      });
    });

    describe('security', () => {
      const routes = (productId: number) =>
        [
          ['PUT', `/products/${productId}/auto-sync`, { enabled: true }],
          ['POST', '/products/auto-sync', { ids: [productId], enabled: true }],
          ['POST', '/products/auto-sync', { filter: {}, enabled: true }],
          ['POST', '/products/auto-sync/preview', { ids: [productId] }],
        ] as const;

      it('refuses no token and a revoked token', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'old');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const [method, path, body] of routes(idOf('PLATE'))) {
          for (const bearer of [null, secret]) {
            const res = await s.request(method, `${base}${path}`, { body, token: bearer });
            expect(res.status, `${method} ${path}`).toBe(401);
          }
        }
        expect(await dirtyPairs()).toEqual([]);
      });

      it('refuses another store’s token on every route and changes nothing', async () => {
        for (const [method, path, body] of routes(idOf('PLATE'))) {
          const res = await s.request(method, `${base}${path}`, { body, token: s.otherToken });
          expect(res.status, `${method} ${path}`).toBe(403);
        }
        expect(Object.values(await flags()).every((on) => !on)).toBe(true);
        expect(await dirtyPairs()).toEqual([]);
      });

      it('does not find another store’s product under this store’s path', async () => {
        const theirs = await createProduct(s.t.db, s.otherStore.id, {
          sku: `THEIRS-${Date.now()}`,
          name: 'x',
        });
        for (const [method, path, body] of routes(theirs.id)) {
          if ('filter' in body) continue;
          const res = await s.request(method, `${base}${path}`, { body });
          expect(res.status, `${method} ${path}`).toBe(404);
        }
        const row = await s.t.db
          .selectFrom('products')
          .select('autoSync')
          .where('id', '=', theirs.id)
          .executeTakeFirstOrThrow();
        expect(row.autoSync).toBe(0);
        // A filter only ever reaches this store's products.
        await s.request('POST', `${base}/products/auto-sync`, { body: { filter: {}, enabled: true } });
        const after = await s.t.db
          .selectFrom('products')
          .select('autoSync')
          .where('id', '=', theirs.id)
          .executeTakeFirstOrThrow();
        expect(after.autoSync).toBe(0);
      });
    });
  });
}
