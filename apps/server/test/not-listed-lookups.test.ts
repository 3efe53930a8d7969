import { SIMULATOR_PATHS, type WebhookSimulator } from '@ballast/connector-webhook/simulator';
import { adjustStock, createProduct, listSyncHistory } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { createSyncEngine, type SyncEngine } from '@ballast/sync-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelConfigResolver } from '../src/connectors/channel-config.ts';
import { installedConnectors } from '../src/connectors/installed-connectors.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

/**
 * The sync engine remembers SKUs a lookup did not find on a channel and settles their changes without asking
 * again; the merchant's own actions that can make that answer wrong make it look again.
 */
for (const dialect of DIALECTS) {
  describe(`lookups of SKUs a channel does not list [${dialect}]`, () => {
    let s: TestServer;
    let sim: WebhookSimulator;
    let config: Record<string, unknown>;
    let engine: SyncEngine;

    beforeEach(async () => {
      // A store of its own per test: connecting a channel marks every product of the store.
      s = await createTestServer(dialect);
      ({ sim, config } = await startSimulatorChannel());
      engine = createSyncEngine({
        db: s.t.db,
        connectors: installedConnectors,
        resolveChannelConfig: channelConfigResolver(s.deps.secrets),
      });
    });
    afterEach(async () => {
      await sim.close();
      await s.close();
    });

    /** The SKUs of every lookup the simulator received, one list per call. */
    const lookups = () =>
      sim.server.requests
        .filter((r) => r.method === 'GET' && r.path === SIMULATOR_PATHS.lookup)
        .map((r) => new URLSearchParams(r.query).get('skus')?.split(',') ?? []);
    const sell = (sku: string) =>
      adjustStock(s.t.db, s.store.id, { reason: 'sold', lines: [{ sku, delta: -1 }] });

    /** A product on no channel, and a channel whose first sync learnt that; the next change asks nothing. */
    const connectAndLearn = async (sku: string) => {
      await createProduct(s.t.db, s.store.id, { sku, name: sku, autoSync: true });
      await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku, set: 10 }] });
      const res = await s.request('POST', `/stores/${s.store.id}/channels`, {
        body: { connectorId: 'webhook', name: `Shop for ${sku}`, config },
      });
      expect(res.status).toBe(201);
      const channelId = ((await res.json()) as { id: number }).id;
      await engine.drain();
      expect(lookups()).toEqual([[sku]]);
      sim.server.clearLog();
      await sell(sku);
      await engine.drain();
      expect(lookups()).toEqual([]);
      return channelId;
    };

    it('looks again after a manual match of listings, and pushes an item listed since', async () => {
      const channelId = await connectAndLearn('LATE-1');
      const match = await s.request('POST', `/stores/${s.store.id}/channels/${channelId}/match-listings`);
      expect(await match.json()).toMatchObject({ matched: 0, unmatchedSkus: ['LATE-1'] });
      // The merchant reads the unmatched SKUs and lists the item on the channel.
      sim.seed([{ sku: 'LATE-1', quantity: 0 }]);
      sim.server.clearLog();
      await sell('LATE-1');
      await engine.drain();
      expect(lookups()).toEqual([['LATE-1']]);
      expect(sim.quantityOf('LATE-1')).toBe(8);
      const history = await listSyncHistory(s.t.db, s.store.id, { channelId });
      expect(history.items.map((h) => [h.status, h.errorCode])).toEqual([
        ['succeeded', null],
        ['skipped', 'not_listed'],
      ]);
    });

    it('looks again after the channel’s config is edited', async () => {
      const channelId = await connectAndLearn('MOVED-1');
      const patch = await s.request('PATCH', `/stores/${s.store.id}/channels/${channelId}`, {
        body: { config: { timeoutMs: 3_000 } },
      });
      expect(patch.status).toBe(200);
      sim.server.clearLog();
      await sell('MOVED-1');
      await engine.drain();
      expect(lookups()).toEqual([['MOVED-1']]);
    });
  });
}
