import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { adjustStock, createChannel, createProduct, listListings } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { createSyncEngine } from '@ballast/sync-engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelConfigResolver, openChannelConfig } from '../src/connectors/channel-config.ts';
import { installedConnectors } from '../src/connectors/installed-connectors.ts';
import { assertNoSecret, SIM_SECRET, startSimulatorChannel } from './support/simulator-channel.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ChannelBody {
  id: number;
  name: string;
  status: string;
  locationIds: number[] | null;
  configuredFields: string[];
  capabilities: { readBack: boolean; orderWebhooks: boolean; maxBatch: number } | null;
  webhookUrl: string | null;
  sync: { pendingPushes: number; lastPushAt: number | null; lastError: unknown };
}
interface ProblemBody {
  status: number;
  code: string;
  errors?: { field: string; reason: string }[];
}

for (const dialect of DIALECTS) {
  describe(`channels API [${dialect}]`, () => {
    let s: TestServer;
    let sim: WebhookSimulator;
    let config: Record<string, unknown>;

    /** Every response of these tests goes through here: none may carry the channel secret. */
    const call = async (
      method: string,
      path: string,
      options?: Parameters<TestServer['request']>[2],
    ): Promise<{ status: number; body: unknown; type: string | null }> => {
      const res = await s.request(method, path, options);
      const text = await res.text();
      assertNoSecret(text);
      return {
        status: res.status,
        body: text ? JSON.parse(text) : null,
        type: res.headers.get('content-type'),
      };
    };
    const channels = (storeId = s.store.id) => `/stores/${storeId}/channels`;
    const connect = async (body: Record<string, unknown> = {}) => {
      const res = await call('POST', channels(), {
        body: { connectorId: 'webhook', name: 'Web shop', config, ...body },
      });
      expect(res.status).toBe(201);
      return res.body as ChannelBody;
    };
    const channelCount = async () =>
      Number(
        (
          await s.t.db
            .selectFrom('channels')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      s = await createTestServer(dialect);
    });
    afterAll(() => s.close());
    beforeEach(async () => {
      ({ sim, config } = await startSimulatorChannel());
    });
    afterEach(() => sim.close());

    describe('happy', () => {
      it('connects a channel, stores the config encrypted and shows only which settings are set', async () => {
        const channel = await connect({ name: 'Encrypted shop' });
        expect(channel).toMatchObject({
          name: 'Encrypted shop',
          status: 'active',
          locationIds: null,
          capabilities: { maxBatch: 100, readBack: false, orderWebhooks: true },
          sync: { pendingPushes: 0, lastPushAt: null, lastError: null },
        });
        expect(channel.configuredFields.sort()).toEqual(
          ['endpointUrl', 'lookupUrl', 'requestsPerSecond', 'signingSecret', 'timeoutMs'].sort(),
        );
        expect(channel.webhookUrl).toMatch(new RegExp(`/webhooks/${channel.id}$`));
        const row = await s.t.db
          .selectFrom('channels')
          .select('configCiphertext')
          .where('id', '=', channel.id)
          .executeTakeFirstOrThrow();
        expect(row.configCiphertext).not.toContain(SIM_SECRET);
        expect(openChannelConfig(s.deps.secrets, row.configCiphertext!)).toEqual(config);
      });

      it('gives the webhook URL under the configured public URL (what channels reach behind a proxy)', async () => {
        const behindProxy = await createTestServer(dialect, { publicUrl: 'https://ballast.example.com/' });
        try {
          const res = await behindProxy.request('POST', `/stores/${behindProxy.store.id}/channels`, {
            body: { connectorId: 'webhook', name: 'Proxied', config },
          });
          const channel = (await res.json()) as ChannelBody;
          expect(channel.webhookUrl).toBe(`https://ballast.example.com/webhooks/${channel.id}`);
        } finally {
          await behindProxy.close();
        }
      });

      it('pushes auto-synced products to a new channel at once and reports its sync state', async () => {
        await createProduct(s.t.db, s.store.id, { sku: 'PUSH-1', name: 'Pushed', autoSync: true });
        await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'PUSH-1', set: 7 }] });
        sim.seed([{ sku: 'PUSH-1', quantity: 0 }]);
        const channel = await connect({ name: 'Push shop' });
        expect(channel.sync.pendingPushes).toBeGreaterThan(0);

        const engine = createSyncEngine({
          db: s.t.db,
          connectors: installedConnectors,
          resolveChannelConfig: channelConfigResolver(s.deps.secrets),
        });
        await engine.drain();
        expect(sim.quantityOf('PUSH-1')).toBe(7);

        const read = await call('GET', `${channels()}/${channel.id}`);
        expect(read.status).toBe(200);
        const synced = read.body as ChannelBody;
        expect(synced.sync.pendingPushes).toBe(0);
        expect(synced.sync.lastPushAt).toEqual(expect.any(Number));
        expect(synced.sync.lastError).toBeNull();
      });

      it('reports the last failed push as the channel’s last error', async () => {
        await createProduct(s.t.db, s.store.id, { sku: 'NOT-ON-SIM', name: 'Missing', autoSync: true });
        const channel = await connect({ name: 'Failing shop', config: { ...config, lookupUrl: undefined } });
        const engine = createSyncEngine({
          db: s.t.db,
          connectors: installedConnectors,
          resolveChannelConfig: channelConfigResolver(s.deps.secrets),
        });
        await engine.drain();
        const read = (await call('GET', `${channels()}/${channel.id}`)).body as ChannelBody;
        expect(read.sync.lastError).toMatchObject({
          status: 'failed',
          code: 'unknown_sku',
          message: expect.stringMatching(/^no item /),
        });
      });

      it('lists channels a page at a time', async () => {
        for (const name of ['Page A', 'Page B', 'Page C']) await connect({ name });
        const all = (await call('GET', channels())).body as { items: ChannelBody[] };
        const first = await call('GET', `${channels()}?limit=2`);
        expect(first.status).toBe(200);
        const page1 = first.body as { items: ChannelBody[]; nextCursor: string };
        expect(page1.items.map((c) => c.id)).toEqual(all.items.slice(0, 2).map((c) => c.id));
        const page2 = (await call('GET', `${channels()}?limit=2&cursor=${page1.nextCursor}`)).body as {
          items: ChannelBody[];
        };
        expect(page2.items[0]!.id).toBe(all.items[2]!.id);
        const paused = (await call('GET', `${channels()}?status=paused`)).body as { items: ChannelBody[] };
        expect(paused.items.every((c) => c.status === 'paused')).toBe(true);
      });

      it('renames, pauses, resumes, re-scopes and edits the config', async () => {
        const channel = await connect({ name: 'Editable' });
        const patch = (body: unknown) => call('PATCH', `${channels()}/${channel.id}`, { body });
        expect((await patch({ name: 'Renamed', status: 'paused' })).body).toMatchObject({
          name: 'Renamed',
          status: 'paused',
        });
        const scoped = await patch({ locationIds: [s.store.defaultLocationId], status: 'active' });
        expect(scoped.body).toMatchObject({ status: 'active', locationIds: [s.store.defaultLocationId] });

        // The edit is merged: what it leaves out is kept (channel-config-edit.test.ts has the details).
        const edited = await patch({ config: { batchSize: 5, lookupUrl: null } });
        expect(edited.status).toBe(200);
        expect((edited.body as ChannelBody).configuredFields.sort()).toEqual(
          ['batchSize', 'endpointUrl', 'requestsPerSecond', 'signingSecret', 'timeoutMs'].sort(),
        );
        expect((edited.body as ChannelBody).capabilities?.maxBatch).toBe(5);
      });

      it('replacing the config retries the channel’s waiting pushes now, with a fresh budget', async () => {
        await createProduct(s.t.db, s.store.id, { sku: 'WAIT-1', name: 'Waiting', autoSync: true });
        const broken = { ...config, endpointUrl: 'http://127.0.0.1:9/inventory', lookupUrl: undefined };
        const channel = await connect({ name: 'Broken endpoint', config: broken });
        const engine = createSyncEngine({
          db: s.t.db,
          connectors: installedConnectors,
          resolveChannelConfig: channelConfigResolver(s.deps.secrets),
          backoff: { baseMs: 60_000, capMs: 60_000 },
        });
        await engine.runOnce();
        const waiting = () =>
          s.t.db
            .selectFrom('syncDirty')
            .select(['notBefore', 'attempts'])
            .where('channelId', '=', channel.id)
            .execute();
        const before = await waiting();
        expect(before.length).toBeGreaterThan(0);
        expect(before.every((r) => r.notBefore > Date.now() + 10_000 && r.attempts > 0)).toBe(true);

        sim.seed([{ sku: 'WAIT-1', quantity: 0 }]);
        await call('PATCH', `${channels()}/${channel.id}`, { body: { config } });
        const after = await waiting();
        expect(after.every((r) => r.notBefore <= Date.now() && r.attempts === 0)).toBe(true);
        await engine.drain();
        expect(sim.quantityOf('WAIT-1')).toBe(0);
        const listing = (await listListings(s.t.db, s.store.id, { channelId: channel.id })).find(
          (l) => l.sku === 'WAIT-1',
        );
        expect(listing?.lastPushedAt).toEqual(expect.any(Number));
      });

      it('matches listings by SKU, and again without doubling them', async () => {
        const channel = await connect({ name: 'Matcher' });
        for (const sku of ['M-1', 'M-2', 'M-3']) await createProduct(s.t.db, s.store.id, { sku, name: sku });
        sim.seed([
          { sku: 'M-1', quantity: 4 },
          { sku: 'M-2', quantity: 0 },
        ]);
        const path = `${channels()}/${channel.id}/match-listings`;
        const first = await call('POST', path);
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ matched: 2, newlyLinked: 2, duplicates: 0 });
        expect((first.body as { unmatchedSkus: string[] }).unmatchedSkus).toContain('M-3');
        const again = await call('POST', path);
        expect(again.body).toMatchObject({ matched: 2, newlyLinked: 0 });

        const listings = await call('GET', `${channels()}/${channel.id}/listings?limit=1`);
        expect(listings.status).toBe(200);
        const page = listings.body as {
          items: { sku: string; channelRef: unknown; channelQuantity: number }[];
          nextCursor: string;
        };
        expect(page.items).toEqual([
          expect.objectContaining({ sku: 'M-1', channelRef: 'M-1', channelQuantity: 4 }),
        ]);
        const rest = (await call('GET', `${channels()}/${channel.id}/listings?cursor=${page.nextCursor}`))
          .body as {
          items: { sku: string }[];
          nextCursor: string | null;
        };
        expect(rest).toEqual({ items: [expect.objectContaining({ sku: 'M-2' })], nextCursor: null });
      });

      it('disconnects: credentials deleted, listings and history kept', async () => {
        const channel = await connect({ name: 'Leaving' });
        await createProduct(s.t.db, s.store.id, { sku: 'D-1', name: 'D' });
        sim.seed([{ sku: 'D-1', quantity: 1 }]);
        await call('POST', `${channels()}/${channel.id}/match-listings`);
        const res = await call('POST', `${channels()}/${channel.id}/disconnect`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'disconnected', configuredFields: [], capabilities: null });
        expect(await listListings(s.t.db, s.store.id, { channelId: channel.id })).toHaveLength(1);
        const row = await s.t.db
          .selectFrom('channels')
          .select('configCiphertext')
          .where('id', '=', channel.id)
          .executeTakeFirstOrThrow();
        expect(row.configCiphertext).toBeNull();

        const resumed = await call('PATCH', `${channels()}/${channel.id}`, {
          body: { status: 'active', config },
        });
        expect(resumed.body).toMatchObject({
          status: 'active',
          configuredFields: expect.arrayContaining(['signingSecret']),
        });
      });

      it('replays a connect with the same Idempotency-Key instead of connecting twice', async () => {
        const before = await channelCount();
        const body = { connectorId: 'webhook', name: 'Once', config };
        const headers = { 'idempotency-key': `connect-once-${dialect}` };
        const first = await call('POST', channels(), { body, headers });
        const second = await call('POST', channels(), { body, headers });
        expect(second.body).toEqual(first.body);
        expect(await channelCount()).toBe(before + 1);
      });
    });

    describe('error', () => {
      const expectProblem = (
        res: { status: number; body: unknown; type: string | null },
        status: number,
        fields: string[] = [],
      ) => {
        expect(res.status).toBe(status);
        expect(res.type).toBe('application/problem+json');
        const fieldsGiven = ((res.body as ProblemBody).errors ?? []).map((e) => e.field);
        expect(fieldsGiven).toEqual(expect.arrayContaining(fields));
      };

      it('refuses an unknown connector and writes nothing', async () => {
        const before = await channelCount();
        const res = await call('POST', channels(), { body: { connectorId: 'nope', name: 'X', config } });
        expectProblem(res, 422, ['body.connectorId']);
        expect(await channelCount()).toBe(before);
      });

      it('refuses config the connector rejects, naming each setting, and writes nothing', async () => {
        const before = await channelCount();
        const res = await call('POST', channels(), {
          body: {
            connectorId: 'webhook',
            name: 'Bad',
            config: { endpointUrl: 'ftp://x', signingSecret: 'plain' },
          },
        });
        expectProblem(res, 422, ['body.config.endpointUrl', 'body.config.signingSecret']);
        expect(await channelCount()).toBe(before);
      });

      it('refuses malformed bodies and unknown locations, and writes nothing', async () => {
        const before = await channelCount();
        expectProblem(
          await call('POST', channels(), { body: { connectorId: 'webhook', config, extra: 1 } }),
          422,
          ['body.name'],
        );
        expectProblem(
          await call('POST', channels(), { body: { connectorId: 'webhook', name: 'N', config: 'x' } }),
          422,
          ['body.config'],
        );
        expectProblem(
          await call('POST', channels(), {
            body: { connectorId: 'webhook', name: 'N', config, locationIds: [999999] },
          }),
          422,
          ['body.locationIds[0]'],
        );
        expect(await channelCount()).toBe(before);
      });

      it('refuses a bad update and leaves the channel as it was', async () => {
        const channel = await connect({ name: 'Steady' });
        const path = `${channels()}/${channel.id}`;
        expectProblem(await call('PATCH', path, { body: { status: 'disconnected' } }), 422, ['body.status']);
        expectProblem(
          await call('PATCH', path, {
            body: { name: 'Other', config: { endpointUrl: 'nope', signingSecret: null } },
          }),
          422,
          ['body.config.endpointUrl', 'body.config.signingSecret'],
        );
        expectProblem(await call('PATCH', path, { body: { locationIds: [] } }), 422, ['body.locationIds']);
        const read = (await call('GET', path)).body as ChannelBody;
        expect(read).toMatchObject({ name: 'Steady', status: 'active', locationIds: null });
        const row = await s.t.db
          .selectFrom('channels')
          .select('configCiphertext')
          .where('id', '=', channel.id)
          .executeTakeFirstOrThrow();
        expect(openChannelConfig(s.deps.secrets, row.configCiphertext!)).toEqual(config);
      });

      it('refuses to resume a disconnected channel without config, or to match its listings', async () => {
        const channel = await connect({ name: 'Gone' });
        await call('POST', `${channels()}/${channel.id}/disconnect`);
        expectProblem(
          await call('PATCH', `${channels()}/${channel.id}`, { body: { status: 'active' } }),
          409,
        );
        expectProblem(await call('POST', `${channels()}/${channel.id}/match-listings`), 409);
        expect(((await call('GET', `${channels()}/${channel.id}`)).body as ChannelBody).status).toBe(
          'disconnected',
        );
      });

      it('answers 502 when the channel cannot be reached for matching', async () => {
        const channel = await connect({
          name: 'Unreachable',
          config: { ...config, lookupUrl: 'http://127.0.0.1:9/lookup' },
        });
        await createProduct(s.t.db, s.store.id, { sku: 'U-1', name: 'U' });
        const res = await call('POST', `${channels()}/${channel.id}/match-listings`);
        expectProblem(res, 502);
        expect(await listListings(s.t.db, s.store.id, { channelId: channel.id })).toEqual([]);
      });

      it('answers bad path, cursor and query values with 422', async () => {
        expectProblem(await call('GET', `${channels()}/abc`), 422, ['path.channelId']);
        expectProblem(await call('GET', `${channels()}?cursor=nope`), 422, ['query.cursor']);
        expectProblem(await call('GET', `${channels()}?limit=0`), 422, ['query.limit']);
        expectProblem(await call('GET', `${channels()}/999999`), 404);
      });

      it('answers bad listing and delivery queries with 422 naming the parameter', async () => {
        const channel = await connect({ name: 'Queried' });
        const base = `${channels()}/${channel.id}`;
        expectProblem(await call('GET', `${base}/listings?limit=201`), 422, ['query.limit']);
        expectProblem(await call('GET', `${base}/listings?cursor=%25%25`), 422, ['query.cursor']);
        expectProblem(await call('GET', `${base}/webhook-deliveries?status=lost`), 422, ['query.status']);
        expectProblem(await call('GET', `${base}/webhook-deliveries?cursor=bm9wZQ`), 422, ['query.cursor']);
        expectProblem(await call('POST', `${channels()}/999999/match-listings`), 404);
        expectProblem(await call('POST', `${channels()}/999999/disconnect`), 404);
      });
    });

    describe('security', () => {
      let theirs: number;
      beforeEach(async () => {
        const channel = await createChannel(s.t.db, s.otherStore.id, {
          connectorId: 'webhook',
          name: 'Theirs',
        });
        theirs = channel.id;
      });

      it('refuses requests without a token or with a revoked one', async () => {
        expect((await call('GET', channels(), { token: null })).status).toBe(401);
        expect(
          (
            await call('POST', channels(), {
              token: null,
              body: { connectorId: 'webhook', name: 'X', config },
            })
          ).status,
        ).toBe(401);
        expect((await call('GET', channels(), { token: 'blst_revoked' })).status).toBe(401);
      });

      it('refuses another store’s token on every route and writes nothing', async () => {
        const channel = await connect({ name: 'Mine' });
        const token = s.otherToken;
        const before = await channelCount();
        const base = `${channels()}/${channel.id}`;
        for (const [method, path, body] of [
          ['GET', channels(), undefined],
          ['POST', channels(), { connectorId: 'webhook', name: 'Hijack', config }],
          ['GET', base, undefined],
          ['PATCH', base, { name: 'Hijacked' }],
          ['POST', `${base}/match-listings`, undefined],
          ['POST', `${base}/disconnect`, undefined],
          ['GET', `${base}/listings`, undefined],
          ['GET', `${base}/webhook-deliveries`, undefined],
        ] as const) {
          expect(
            (await call(method, path, { token, ...(body && { body }) })).status,
            `${method} ${path}`,
          ).toBe(403);
        }
        expect(await channelCount()).toBe(before);
        expect((await call('GET', base)).body).toMatchObject({ name: 'Mine', status: 'active' });
      });

      it('answers 404 for another store’s channel id under my store, and leaves it alone', async () => {
        const base = `${channels()}/${theirs}`;
        for (const [method, path, body] of [
          ['GET', base, undefined],
          ['PATCH', base, { name: 'Hijacked', status: 'paused' }],
          ['POST', `${base}/match-listings`, undefined],
          ['POST', `${base}/disconnect`, undefined],
          ['GET', `${base}/listings`, undefined],
          ['GET', `${base}/webhook-deliveries`, undefined],
        ] as const) {
          expect((await call(method, path, body ? { body } : {})).status, `${method} ${path}`).toBe(404);
        }
        const row = await s.t.db
          .selectFrom('channels')
          .select(['name', 'status'])
          .where('id', '=', theirs)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ name: 'Theirs', status: 'active' });
        const mine = (await call('GET', channels())).body as { items: ChannelBody[] };
        expect(mine.items.map((c) => c.id)).not.toContain(theirs);
      });

      it('never returns the credentials, whatever the route', async () => {
        const channel = await connect({ name: 'Secretive' });
        const base = `${channels()}/${channel.id}`;
        const bodies = [
          await s.request('GET', channels()),
          await s.request('GET', base),
          await s.request('PATCH', base, { body: { config } }),
          await s.request('POST', `${base}/match-listings`),
          await s.request('GET', `${base}/listings`),
          await s.request('POST', `${base}/disconnect`),
          await s.app.request('/api/v1/openapi.json'),
        ];
        for (const res of bodies) {
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          expect(text).not.toContain(SIM_SECRET);
          expect(text).not.toContain(SIM_SECRET.slice(6));
        }
      });
    });
  });
}
