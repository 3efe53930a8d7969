import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import { adjustStock, createChannel, createProduct } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { createSyncEngine } from '@ballast/sync-engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import {
  channelConfigResolver,
  openChannelConfig,
  sealChannelConfig,
} from '../src/connectors/channel-config.ts';
import { installedConnectors } from '../src/connectors/installed-connectors.ts';
import { assertNoSecret, SIM_SECRET, startSimulatorChannel } from './support/simulator-channel.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

/** A second secret; like SIM_SECRET it must never appear in a response. */
const ROTATED_SECRET = 'whsec_cm90YXRlZC1zZWNyZXQtbmV2ZXItc2hvd24tOTg3Ng==';
const ORDER_SECRET = 'whsec_b3JkZXItc2lnbmluZy1zZWNyZXQtbmV2ZXItc2hvd24=';

interface ChannelBody {
  id: number;
  status: string;
  config: Record<string, unknown> | null;
  configuredFields: string[];
  capabilities: { readBack: boolean; maxBatch: number } | null;
}
interface ProblemBody {
  errors?: { field: string; reason: string }[];
}

for (const dialect of DIALECTS) {
  describe(`channel config editing [${dialect}]`, () => {
    let s: TestServer;
    let sim: WebhookSimulator;
    let config: Record<string, unknown>;

    /** Every response goes through here: none may carry a channel secret, in any form. */
    const call = async (
      method: string,
      path: string,
      options?: Parameters<TestServer['request']>[2],
    ): Promise<{ status: number; body: unknown; type: string | null }> => {
      const res = await s.request(method, path, options);
      const text = await res.text();
      assertNoSecret(text);
      for (const secret of [ROTATED_SECRET, ORDER_SECRET]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(secret.slice('whsec_'.length));
      }
      return {
        status: res.status,
        body: text ? JSON.parse(text) : null,
        type: res.headers.get('content-type'),
      };
    };
    const channelPath = (id: number, storeId = s.store.id) => `/stores/${storeId}/channels/${id}`;
    const connect = async (overrides: Record<string, unknown> = {}) => {
      const res = await call('POST', `/stores/${s.store.id}/channels`, {
        body: { connectorId: 'webhook', name: 'Editable', config: { ...config, ...overrides } },
      });
      expect(res.status).toBe(201);
      return res.body as ChannelBody;
    };
    const patchConfig = (id: number, edit: unknown, token?: string | null) =>
      call('PATCH', channelPath(id), { body: { config: edit }, ...(token !== undefined && { token }) });
    const storedConfig = async (id: number) => {
      const row = await s.t.db
        .selectFrom('channels')
        .select('configCiphertext')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.configCiphertext === null ? null : openChannelConfig(s.deps.secrets, row.configCiphertext);
    };
    const engine = () =>
      createSyncEngine({
        db: s.t.db,
        connectors: installedConnectors,
        resolveChannelConfig: channelConfigResolver(s.deps.secrets),
      });
    /** A product with Auto Sync on and `quantity` in stock, known to the simulator at 0. */
    const stockedProduct = async (sku: string, quantity: number, on: WebhookSimulator = sim) => {
      await createProduct(s.t.db, s.store.id, { sku, name: sku, autoSync: true });
      await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku, set: quantity }] });
      on.seed([{ sku, quantity: 0 }]);
    };

    beforeAll(async () => {
      s = await createTestServer(dialect);
    });
    afterAll(() => s.close());
    beforeEach(async () => {
      ({ sim, config } = await startSimulatorChannel({ readBack: true }));
    });
    afterEach(() => sim.close());

    describe('happy', () => {
      it('shows the stored settings that are not secret, on one channel and in the list', async () => {
        const channel = await connect({ orderSigningSecret: ORDER_SECRET, batchSize: 20 });
        const expected = {
          endpointUrl: config.endpointUrl,
          lookupUrl: config.lookupUrl,
          readBackUrl: config.readBackUrl,
          requestsPerSecond: 1000,
          timeoutMs: 2_000,
          batchSize: 20,
        };
        expect(channel.config).toEqual(expected);
        expect(channel.configuredFields).toEqual(
          expect.arrayContaining(['signingSecret', 'orderSigningSecret', 'batchSize']),
        );
        expect(((await call('GET', channelPath(channel.id))).body as ChannelBody).config).toEqual(expected);
        const list = (await call('GET', `/stores/${s.store.id}/channels`)).body as { items: ChannelBody[] };
        expect(list.items.find((c) => c.id === channel.id)?.config).toEqual(expected);
      });

      it('changes one setting and keeps the rest: the channel still pushes with its stored secret', async () => {
        const channel = await connect();
        await stockedProduct('EDIT-1', 7);
        const res = await patchConfig(channel.id, { batchSize: 5 });
        expect(res.status).toBe(200);
        const edited = res.body as ChannelBody;
        expect(edited.config).toMatchObject({ batchSize: 5, endpointUrl: config.endpointUrl });
        expect(edited.config).not.toHaveProperty('signingSecret');
        expect(edited.capabilities?.maxBatch).toBe(5);
        expect(await storedConfig(channel.id)).toEqual({ ...config, batchSize: 5 });

        // The simulator checks every request's signature against the secret it was started with.
        await engine().drain();
        expect(sim.quantityOf('EDIT-1')).toBe(7);
      });

      it('applies edits made at the same time to different settings: none undoes another', async () => {
        const channel = await connect();
        const edits = [
          { batchSize: 7 },
          { timeoutMs: 3_000 },
          { requestsPerSecond: 5 },
          { readBackUrl: null },
        ];
        const results = await Promise.all(edits.map((edit) => patchConfig(channel.id, edit)));
        expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
        const { readBackUrl: _cleared, ...kept } = config;
        expect(await storedConfig(channel.id)).toEqual({
          ...kept,
          batchSize: 7,
          timeoutMs: 3_000,
          requestsPerSecond: 5,
        });
      });

      it('keeps a secret sent blank, as a form that leaves it empty sends it', async () => {
        const channel = await connect();
        await stockedProduct('EDIT-2', 4);
        const res = await patchConfig(channel.id, { timeoutMs: 3_000, signingSecret: '' });
        expect(res.status).toBe(200);
        expect(await storedConfig(channel.id)).toEqual({ ...config, timeoutMs: 3_000 });
        await engine().drain();
        expect(sim.quantityOf('EDIT-2')).toBe(4);
      });

      it('rotates a secret and moves the endpoint in one edit: pushes are signed with the new secret', async () => {
        const channel = await connect();
        const rotated = await startWebhookSimulator({ secret: ROTATED_SECRET, requestsPerSecond: 1000 });
        try {
          await stockedProduct('EDIT-3', 3, rotated);
          const res = await patchConfig(channel.id, {
            signingSecret: ROTATED_SECRET,
            endpointUrl: `${rotated.server.url}${SIMULATOR_PATHS.inventory}`,
            lookupUrl: null,
            readBackUrl: null,
          });
          expect(res.status).toBe(200);
          expect(await storedConfig(channel.id)).toMatchObject({ signingSecret: ROTATED_SECRET });
          await engine().drain();
          expect(rotated.quantityOf('EDIT-3')).toBe(3);
        } finally {
          await rotated.close();
        }
      });

      it('clears an optional setting with null: the connector’s default applies', async () => {
        const channel = await connect({ orderSigningSecret: ORDER_SECRET, batchSize: 20 });
        expect(channel.capabilities?.readBack).toBe(true);
        const res = await patchConfig(channel.id, {
          readBackUrl: null,
          batchSize: null,
          orderSigningSecret: null,
        });
        expect(res.status).toBe(200);
        const cleared = res.body as ChannelBody;
        expect(cleared.config).not.toHaveProperty('readBackUrl');
        expect(cleared.config).not.toHaveProperty('batchSize');
        expect(cleared.configuredFields).not.toContain('orderSigningSecret');
        expect(cleared.capabilities).toMatchObject({ readBack: false, maxBatch: 100 });
        const { readBackUrl: _r, ...rest } = config;
        expect(await storedConfig(channel.id)).toEqual(rest);
      });

      it('resumes a disconnected channel with a complete config, nothing being stored to merge into', async () => {
        const channel = await connect();
        const gone = (await call('POST', `${channelPath(channel.id)}/disconnect`)).body as ChannelBody;
        expect(gone.config).toBeNull();
        const partial = await call('PATCH', channelPath(channel.id), {
          body: { status: 'active', config: { batchSize: 5 } },
        });
        expect(partial.status).toBe(422);
        expect(((partial.body as ProblemBody).errors ?? []).map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.config.endpointUrl', 'body.config.signingSecret']),
        );
        const resumed = await call('PATCH', channelPath(channel.id), { body: { status: 'active', config } });
        expect(resumed.body).toMatchObject({ status: 'active', config: { endpointUrl: config.endpointUrl } });
      });
    });

    describe('error', () => {
      const expectInvalid = (
        res: { status: number; body: unknown; type: string | null },
        fields: string[],
      ) => {
        expect(res.status).toBe(422);
        expect(res.type).toBe('application/problem+json');
        // One setting may break several rules (a secret of the wrong shape and too short): named once each.
        const named = new Set(((res.body as ProblemBody).errors ?? []).map((e) => e.field));
        expect([...named].sort()).toEqual(fields.sort());
      };

      it('refuses a bad value naming the setting, and changes nothing', async () => {
        const channel = await connect();
        expectInvalid(await patchConfig(channel.id, { batchSize: 0 }), ['body.config.batchSize']);
        expectInvalid(await patchConfig(channel.id, { endpointUrl: 'ftp://x', timeoutMs: 'soon' }), [
          'body.config.endpointUrl',
          'body.config.timeoutMs',
        ]);
        expectInvalid(await patchConfig(channel.id, { signingSecret: 'plain' }), [
          'body.config.signingSecret',
        ]);
        expectInvalid(await patchConfig(channel.id, 'everything'), ['body.config']);
        expect(await storedConfig(channel.id)).toEqual(config);
      });

      it('refuses to clear a required setting, secret or not', async () => {
        const channel = await connect();
        expectInvalid(await patchConfig(channel.id, { endpointUrl: null, signingSecret: null }), [
          'body.config.endpointUrl',
          'body.config.signingSecret',
        ]);
        expect(await storedConfig(channel.id)).toEqual(config);
      });

      it('answers 409 when the channel’s connector is not installed, showing none of its config', async () => {
        const orphan = await createChannel(s.t.db, s.store.id, {
          connectorId: 'uninstalled',
          name: 'Orphan',
          configCiphertext: sealChannelConfig(s.deps.secrets, { url: 'https://x', apiKey: SIM_SECRET }),
        });
        const read = (await call('GET', channelPath(orphan.id))).body as ChannelBody;
        expect(read.config).toBeNull();
        const res = await patchConfig(orphan.id, { url: 'https://y' });
        expect(res.status).toBe(409);
        expect(res.type).toBe('application/problem+json');
      });
    });

    describe('security', () => {
      it('never returns a secret, nor a setting the connector does not declare', async () => {
        const channel = await createChannel(s.t.db, s.store.id, {
          connectorId: 'webhook',
          name: 'Legacy',
          configCiphertext: sealChannelConfig(s.deps.secrets, {
            ...config,
            orderSigningSecret: ORDER_SECRET,
            legacyAccessKey: ROTATED_SECRET,
          }),
        });
        const read = (await call('GET', channelPath(channel.id))).body as ChannelBody;
        expect(read.config).not.toHaveProperty('legacyAccessKey');
        expect(read.config).not.toHaveProperty('signingSecret');
        // Every route that shows the channel goes through `call`, which fails on any secret.
        await patchConfig(channel.id, { batchSize: 9, signingSecret: '' });
        await call('GET', `/stores/${s.store.id}/channels`);
        await patchConfig(channel.id, { batchSize: -1 });
        await call('POST', `${channelPath(channel.id)}/disconnect`);
      });

      it('refuses an edit without a token or with a revoked one, and changes nothing', async () => {
        const channel = await connect();
        const revoked = await createApiToken(s.t.db, s.store.id, 'revoked editor');
        await revokeApiToken(s.t.db, s.store.id, revoked.token.id);
        for (const token of [null, revoked.secret]) {
          expect((await patchConfig(channel.id, { batchSize: 5 }, token)).status).toBe(401);
          expect((await call('GET', channelPath(channel.id), { token })).status).toBe(401);
        }
        expect(await storedConfig(channel.id)).toEqual(config);
      });

      it('refuses another store’s token, and another store’s channel under my store, and changes nothing', async () => {
        const mine = await connect();
        expect((await patchConfig(mine.id, { batchSize: 5 }, s.otherToken)).status).toBe(403);
        expect((await call('GET', channelPath(mine.id), { token: s.otherToken })).status).toBe(403);
        expect(await storedConfig(mine.id)).toEqual(config);

        const theirs = await createChannel(s.t.db, s.otherStore.id, {
          connectorId: 'webhook',
          name: 'Theirs',
          configCiphertext: sealChannelConfig(s.deps.secrets, config),
        });
        expect((await patchConfig(theirs.id, { batchSize: 5 })).status).toBe(404);
        expect((await call('GET', channelPath(theirs.id))).status).toBe(404);
        expect(await storedConfig(theirs.id)).toEqual(config);
      });
    });
  });
}
