import {
  adjustStock,
  type Channel,
  computeSyncableBalances,
  createChannel,
  createSalesOrder,
  getProductBalance,
  getProductBySku,
  setListingAutoSync,
  setRule,
  upsertListings,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ProblemBody {
  status: number;
  code: string;
  errors?: { field: string; reason: string }[];
}

interface ListItem {
  id: number;
  sku: string;
  kind: string;
  autoSync: boolean;
  onHand: number | null;
  available: number | null;
  channels: {
    channelId: number;
    quantity: number | null;
    unknownReason?: string;
    autoSyncOverride: boolean | null;
    autoSync: boolean;
  }[];
}

interface ListBody {
  items: ListItem[];
  nextCursor: string | null;
  total?: number;
}

const fieldsOf = async (res: Response) => ((await res.json()) as ProblemBody).errors?.map((e) => e.field);

for (const dialect of DIALECTS) {
  describe(`products API [${dialect}]`, () => {
    let s: TestServer;
    let base: string;
    let channel: Channel;
    let paused: Channel;

    const productCount = async (storeId = s.store.id) => {
      const row = await s.t.db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('storeId', '=', storeId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const create = async (body: Record<string, unknown>) => {
      const res = await s.request('POST', `${base}/products`, { body });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: number; sku: string };
    };

    beforeAll(async () => {
      s = await createTestServer(dialect);
      base = `/stores/${s.store.id}`;
      channel = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Web shop' });
      paused = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Paused' });
      await s.t.db.updateTable('channels').set({ status: 'paused' }).where('id', '=', paused.id).execute();
      // Half of available goes to the channel, so syncable differs from available in the assertions.
      await setRule(s.t.db, s.store.id, { scope: 'channel', scopeId: channel.id, percent: 50 });
      for (const sku of ['MUG-RED', 'MUG-BLUE', 'PLATE', 'BOWL']) await create({ sku, name: `${sku} item` });
      await adjustStock(s.t.db, s.store.id, {
        reason: 'count',
        lines: [
          { sku: 'MUG-RED', set: 10 },
          { sku: 'MUG-BLUE', set: 7 },
          { sku: 'PLATE', set: 3 },
        ],
      });
      await create({
        sku: 'MUG-SET',
        name: 'Two mugs',
        kind: 'kit',
        components: [
          { sku: 'MUG-RED', quantity: 2 },
          { sku: 'MUG-BLUE', quantity: 1 },
        ],
      });
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('creates a kit from component SKUs and reads it back', async () => {
        const kit = await getProductBySku(s.t.db, s.store.id, 'MUG-SET');
        const res = await s.request('GET', `${base}/products/${kit.id}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          id: kit.id,
          sku: 'MUG-SET',
          kind: 'kit',
          autoSync: false,
          components: [
            { sku: 'MUG-BLUE', quantity: 1 },
            { sku: 'MUG-RED', quantity: 2 },
          ],
        });
      });

      it('lists a page with each active channel’s syncable quantity, computed as core does', async () => {
        const res = await s.request('GET', `${base}/products?sort=sku&limit=10&includeTotal=true`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as ListBody;
        expect(body.items.map((i) => i.sku)).toEqual(['BOWL', 'MUG-BLUE', 'MUG-RED', 'MUG-SET', 'PLATE']);
        expect(body.total).toBe(5);
        expect(body.nextCursor).toBeNull();
        const ids = body.items.map((i) => i.id);
        const expected = await computeSyncableBalances(s.t.db, s.store.id, channel.id, ids);
        for (const item of body.items) {
          // Only the active channel: a paused one is not pushed to.
          // No listing overrides yet: each channel follows the product's own Auto Sync.
          expect(item.channels).toEqual([
            {
              channelId: channel.id,
              quantity: expected.get(item.id)!.quantity,
              autoSyncOverride: null,
              autoSync: item.autoSync,
            },
          ]);
        }
        const byS = new Map(body.items.map((i) => [i.sku, i]));
        expect(byS.get('MUG-RED')).toMatchObject({ onHand: 10, available: 10 });
        expect(byS.get('MUG-RED')!.channels[0]!.quantity).toBe(5);
        // Kit: min(floor(10 / 2), floor(7 / 1)) = 5, half of it offered.
        expect(byS.get('MUG-SET')).toMatchObject({ kind: 'kit', onHand: null });
        expect(byS.get('MUG-SET')!.channels[0]!.quantity).toBe(2);
      });

      it('searches, filters and pages with a keyset cursor', async () => {
        const found = (await (
          await s.request('GET', `${base}/products?q=mug&kind=simple`)
        ).json()) as ListBody;
        expect(found.items.map((i) => i.sku).sort()).toEqual(['MUG-BLUE', 'MUG-RED']);

        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `sort=sku&direction=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await s.request('GET', `${base}/products?${query}`);
          expect(res.status).toBe(200);
          const page = (await res.json()) as ListBody;
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((i) => i.sku));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(['PLATE', 'MUG-SET', 'MUG-RED', 'MUG-BLUE', 'BOWL']);
      });

      it('counts with the same filter as the list (and /count is not taken for a product id)', async () => {
        const res = await s.request('GET', `${base}/products/count?q=mug`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ count: 3 });
        const kits = await s.request('GET', `${base}/products/count?kind=kit&autoSync=false`);
        expect(await kits.json()).toEqual({ count: 1 });
      });

      it('filters by Auto Sync and by channel listing', async () => {
        const red = await getProductBySku(s.t.db, s.store.id, 'MUG-RED');
        await s.request('PUT', `${base}/products/${red.id}/auto-sync`, { body: { enabled: true } });
        const on = (await (await s.request('GET', `${base}/products?autoSync=true`)).json()) as ListBody;
        expect(on.items.map((i) => i.sku)).toEqual(['MUG-RED']);
        const listed = await s.request('GET', `${base}/products/count?channelId=${channel.id}`);
        expect(await listed.json()).toEqual({ count: 0 });
        await s.request('PUT', `${base}/products/${red.id}/auto-sync`, { body: { enabled: false } });
      });

      it('says each channel’s listing override and the Auto Sync it makes', async () => {
        const { matched } = await upsertListings(s.t.db, s.store.id, channel.id, [
          { sku: 'MUG-RED', channelRef: 'ref-red' },
          { sku: 'MUG-BLUE', channelRef: 'ref-blue' },
          { sku: 'PLATE', channelRef: 'ref-plate' },
        ]);
        const listingOf = new Map(matched.map((m) => [m.sku, m.listingId]));
        const red = await getProductBySku(s.t.db, s.store.id, 'MUG-RED');
        await s.request('PUT', `${base}/products/${red.id}/auto-sync`, { body: { enabled: true } });
        // MUG-RED's own Auto Sync is on but its listing is always off; PLATE's is off but always on.
        await setListingAutoSync(s.t.db, s.store.id, listingOf.get('MUG-RED')!, false);
        await setListingAutoSync(s.t.db, s.store.id, listingOf.get('PLATE')!, true);
        try {
          const res = await s.request('GET', `${base}/products?sort=sku&limit=10`);
          expect(res.status).toBe(200);
          const body = (await res.json()) as ListBody;
          const pushed = Object.fromEntries(
            body.items.map((i) => [
              i.sku,
              {
                autoSync: i.autoSync,
                channels: i.channels.map(({ channelId, autoSyncOverride, autoSync }) => ({
                  channelId,
                  autoSyncOverride,
                  autoSync,
                })),
              },
            ]),
          );
          const on = (autoSyncOverride: boolean | null, autoSync: boolean) => [
            { channelId: channel.id, autoSyncOverride, autoSync },
          ];
          expect(pushed).toEqual({
            BOWL: { autoSync: false, channels: on(null, false) },
            'MUG-BLUE': { autoSync: false, channels: on(null, false) },
            'MUG-RED': { autoSync: true, channels: on(false, false) },
            'MUG-SET': { autoSync: false, channels: on(null, false) },
            PLATE: { autoSync: false, channels: on(true, true) },
          });
        } finally {
          await s.request('PUT', `${base}/products/${red.id}/auto-sync`, { body: { enabled: false } });
          for (const id of listingOf.values()) await setListingAutoSync(s.t.db, s.store.id, id, null);
        }
      });

      it('updates the name and components', async () => {
        const kit = await getProductBySku(s.t.db, s.store.id, 'MUG-SET');
        const res = await s.request('PATCH', `${base}/products/${kit.id}`, {
          body: { name: 'Mug trio', components: [{ sku: 'MUG-RED', quantity: 3 }] },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          name: 'Mug trio',
          components: [{ sku: 'MUG-RED', quantity: 3 }],
        });
      });

      it('shows the balance view core computes, with the explanation per channel', async () => {
        const red = await getProductBySku(s.t.db, s.store.id, 'MUG-RED');
        const res = await s.request('GET', `${base}/products/${red.id}/balance`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          onHand: number;
          available: number;
          perLocation: unknown[];
          channels: { channelId: number; syncable: { quantity: number; explanation: { steps: string[] } } }[];
        };
        expect(body).toEqual(await getProductBalance(s.t.db, s.store.id, red.id));
        expect(body).toMatchObject({ onHand: 10, available: 10 });
        expect(body.perLocation).toHaveLength(1);
        const web = body.channels.find((c) => c.channelId === channel.id)!;
        expect(web.syncable.quantity).toBe(5);
        expect(web.syncable.explanation.steps.join(' ')).toContain('50%');
      });

      it('deletes a product that never moved stock', async () => {
        const bowl = await getProductBySku(s.t.db, s.store.id, 'BOWL');
        const res = await s.request('DELETE', `${base}/products/${bowl.id}`);
        expect(res.status).toBe(204);
        expect((await s.request('GET', `${base}/products/${bowl.id}`)).status).toBe(404);
        await create({ sku: 'BOWL', name: 'BOWL item' });
      });
      it('documents the routes and their named shapes in the OpenAPI document', async () => {
        const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
          paths: Record<string, Record<string, unknown>>;
          components: { schemas: Record<string, unknown> };
        };
        expect(Object.keys(doc.paths['/stores/{storeId}/products/{productId}']!).sort()).toEqual([
          'delete',
          'get',
          'patch',
        ]);
        expect(Object.keys(doc.paths)).toEqual(
          expect.arrayContaining([
            '/stores/{storeId}/products',
            '/stores/{storeId}/products/count',
            '/stores/{storeId}/products/{productId}/balance',
            '/stores/{storeId}/locations',
          ]),
        );
        expect(Object.keys(doc.components.schemas)).toEqual(
          expect.arrayContaining([
            'Product',
            'ProductInput',
            'ProductList',
            'ProductBalance',
            'BalanceExplanation',
          ]),
        );
      });
    });

    describe('error', () => {
      it('answers invalid query parameters with 422 naming each field', async () => {
        const res = await s.request('GET', `${base}/products?limit=0&autoSync=yes&kind=box&sort=color`);
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(await fieldsOf(res)).toEqual(
          expect.arrayContaining(['query.limit', 'query.autoSync', 'query.kind', 'query.sort']),
        );
        const count = await s.request('GET', `${base}/products/count?channelId=abc&syncStatus=late`);
        expect(count.status).toBe(422);
        expect(await fieldsOf(count)).toEqual(
          expect.arrayContaining(['query.channelId', 'query.syncStatus']),
        );
      });

      it('refuses a cursor that is not one, or belongs to another sort order', async () => {
        const bad = await s.request('GET', `${base}/products?cursor=not-a-cursor`);
        expect(bad.status).toBe(422);
        expect(await fieldsOf(bad)).toEqual(['query.cursor']);

        const page = (await (await s.request('GET', `${base}/products?sort=sku&limit=1`)).json()) as ListBody;
        const other = await s.request('GET', `${base}/products?sort=name&limit=1&cursor=${page.nextCursor}`);
        expect(other.status).toBe(422);
        expect(await fieldsOf(other)).toEqual(['query.cursor']);
      });

      it('answers an unknown product with 404 on every product route', async () => {
        for (const [method, path, body] of [
          ['GET', '/products/999999', undefined],
          ['PATCH', '/products/999999', { name: 'X' }],
          ['DELETE', '/products/999999', undefined],
          ['GET', '/products/999999/balance', undefined],
        ] as const) {
          const res = await s.request(method, `${base}${path}`, { body });
          expect(res.status, `${method} ${path}`).toBe(404);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
        }
      });

      it('refuses invalid products field by field and writes nothing', async () => {
        const before = await productCount();
        const cases: [Record<string, unknown>, string][] = [
          [{ sku: 'NEW-1' }, 'body.name'],
          [{ sku: '', name: 'x' }, 'body.sku'],
          [{ sku: 'KIT-1', name: 'x', kind: 'kit' }, 'body.components'],
          [
            { sku: 'KIT-1', name: 'x', kind: 'kit', components: [{ sku: 'NOPE', quantity: 1 }] },
            'body.components[0].sku',
          ],
          [
            { sku: 'X-1', name: 'x', components: [{ sku: 'PLATE', quantity: 0 }] },
            'body.components[0].quantity',
          ],
          [{ sku: 'X-2', name: 'x', colour: 'red' }, 'body'],
        ];
        for (const [body, field] of cases) {
          const res = await s.request('POST', `${base}/products`, { body });
          expect(res.status, JSON.stringify(body)).toBe(422);
          expect(await fieldsOf(res), JSON.stringify(body)).toContain(field);
        }
        expect(await productCount()).toBe(before);
      });

      it('refuses a duplicate SKU with 409 on the sku field', async () => {
        const before = await productCount();
        const res = await s.request('POST', `${base}/products`, { body: { sku: 'PLATE', name: 'Again' } });
        expect(res.status).toBe(409);
        expect(await fieldsOf(res)).toEqual(['body.sku']);
        expect(await productCount()).toBe(before);
      });

      it('refuses a kit cycle and an unknown field on update, changing nothing', async () => {
        const kit = await getProductBySku(s.t.db, s.store.id, 'MUG-SET');
        const unknown = await s.request('PATCH', `${base}/products/${kit.id}`, { body: { kind: 'simple' } });
        expect(unknown.status).toBe(422);
        const self = await s.request('PATCH', `${base}/products/${kit.id}`, {
          body: { name: 'Renamed', components: [{ sku: 'MUG-SET', quantity: 1 }] },
        });
        expect(self.status).toBe(422);
        expect(((await self.json()) as ProblemBody).code).toBe('kit_cycle');
        expect(await getProductBySku(s.t.db, s.store.id, 'MUG-SET')).toEqual(kit);
      });

      it('refuses to delete a product with stock history (409) and keeps it', async () => {
        const plate = await getProductBySku(s.t.db, s.store.id, 'PLATE');
        await createSalesOrder(s.t.db, s.store.id, {
          number: 'SO-1',
          lines: [{ sku: 'PLATE', quantity: 1 }],
        });
        const res = await s.request('DELETE', `${base}/products/${plate.id}`);
        expect(res.status).toBe(409);
        expect(((await res.json()) as ProblemBody).code).toBe('conflict');
        expect((await s.request('GET', `${base}/products/${plate.id}`)).status).toBe(200);
      });
    });

    describe('security', () => {
      const routes = (productId: number) =>
        [
          ['GET', '/products', undefined],
          ['GET', '/products/count', undefined],
          ['POST', '/products', { sku: 'SNEAK', name: 'Sneaky' }],
          ['GET', `/products/${productId}`, undefined],
          ['PATCH', `/products/${productId}`, { name: 'Hacked' }],
          ['DELETE', `/products/${productId}`, undefined],
          ['GET', `/products/${productId}/balance`, undefined],
        ] as const;

      it('refuses requests without a token, and with a revoked one', async () => {
        const red = await getProductBySku(s.t.db, s.store.id, 'MUG-RED');
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'to revoke');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const [method, path, body] of routes(red.id)) {
          for (const bearer of [null, secret]) {
            const res = await s.request(method, `${base}${path}`, { body, token: bearer });
            expect(res.status, `${method} ${path}`).toBe(401);
            expect(res.headers.get('content-type')).toBe('application/problem+json');
          }
        }
      });

      it('refuses another store’s token on every route and writes nothing', async () => {
        const red = await getProductBySku(s.t.db, s.store.id, 'MUG-RED');
        const before = await productCount();
        for (const [method, path, body] of routes(red.id)) {
          const res = await s.request(method, `${base}${path}`, { body, token: s.otherToken });
          expect(res.status, `${method} ${path}`).toBe(403);
        }
        expect(await productCount()).toBe(before);
        expect(await getProductBySku(s.t.db, s.store.id, 'MUG-RED')).toEqual(red);
      });

      it('does not find another store’s product under this store’s path', async () => {
        const theirs = await s.request('POST', `/stores/${s.otherStore.id}/products`, {
          token: s.otherToken,
          body: { sku: 'THEIRS', name: 'Theirs' },
        });
        expect(theirs.status).toBe(201);
        const { id } = (await theirs.json()) as { id: number };
        for (const [method, path, body] of routes(id).slice(3)) {
          const res = await s.request(method, `${base}${path}`, { body });
          expect(res.status, `${method} ${path}`).toBe(404);
        }
        const listed = (await (await s.request('GET', `${base}/products?q=THEIRS`)).json()) as ListBody;
        expect(listed.items).toEqual([]);
        const still = await s.request('GET', `/stores/${s.otherStore.id}/products/${id}`, {
          token: s.otherToken,
        });
        expect(await still.json()).toMatchObject({ name: 'Theirs' });
      });
    });
  });
}
