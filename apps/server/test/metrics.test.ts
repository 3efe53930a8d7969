import { webhookConnector } from '@ballast/connector-webhook';
import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import { adjustStock, type Channel, createChannel, createProduct, type Product } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { createSyncEngine } from '@ballast/sync-engine';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { AppEnv } from '../src/app-env.ts';
import { Metrics } from '../src/metrics/metrics.ts';
import { registerMetrics } from '../src/metrics/register-metrics.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

const SECRET = 'whsec_dGhpcy1pcy1hLXRlc3Qtc2VjcmV0LWZvci1iYWxsYXN0IQ==';

/** The value of one sample line of the exposition text, e.g. `name{a="1"} 3` -> 3 (undefined: no such line). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).match(/^\{([^}]*)\}/)?.[1] ?? '';
    const have = labelText === '' ? [] : labelText.split(',');
    if (wanted.every((w) => have.includes(w))) return Number(line.split(' ').pop());
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`metrics [${dialect}]`, () => {
    let s: TestServer;
    let metrics: Metrics;
    let app: Hono<AppEnv>;
    let channel: Channel;
    let mug: Product;
    let sim: WebhookSimulator;

    const scrape = async (target = app, headers: Record<string, string> = {}) => {
      const res = await target.request('/metrics', { headers });
      expect(res.status).toBe(200);
      return res.text();
    };

    beforeAll(async () => {
      s = await createTestServer(dialect);
      metrics = new Metrics({ db: s.t.db, processMetrics: false });
      app = createApp({ ...s.deps, metrics }, { logError: () => {}, extend: (a) => registerMetrics(a) });
      sim = await startWebhookSimulator({ secret: SECRET, requestsPerSecond: 1000 });
      sim.seed([{ sku: 'MUG', quantity: 0 }]);
      channel = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Simulator' });
      mug = await createProduct(s.t.db, s.store.id, { sku: 'MUG', name: 'Mug' });
      await adjustStock(s.t.db, s.store.id, { reason: 'count', lines: [{ sku: 'MUG', set: 12 }] });
    });
    afterAll(async () => {
      await sim.close();
      await s.close();
    });

    describe('happy', () => {
      it('serves every Ballast metric in the Prometheus text format', async () => {
        const res = await app.request('/metrics');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        const text = await res.text();
        for (const name of [
          'ballast_sync_queue_depth',
          'ballast_sync_pushes_total',
          'ballast_sync_push_latency_seconds',
          'ballast_http_request_duration_seconds',
        ]) {
          expect(text).toContain(`# TYPE ${name} `);
        }
      });

      it('counts the queue, pushes and latency from a real sync engine round', async () => {
        const on = await app.request(`/api/v1/stores/${s.store.id}/products/${mug.id}/auto-sync`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ enabled: true }),
        });
        expect(on.status).toBe(200);
        const labels = { channel: String(channel.id), connector: 'webhook' };
        expect(sample(await scrape(), 'ballast_sync_queue_depth', labels)).toBe(1);

        const engine = createSyncEngine({
          db: s.t.db,
          connectors: [webhookConnector],
          resolveChannelConfig: () => ({
            config: {
              endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
              lookupUrl: `${sim.server.url}${SIMULATOR_PATHS.lookup}`,
              readBackUrl: `${sim.server.url}${SIMULATOR_PATHS.readBack}`,
              signingSecret: SECRET,
              batchSize: 100,
              requestsPerSecond: 1000,
              timeoutMs: 2_000,
            },
          }),
          onEvent: metrics.onSyncEvent,
        });
        await engine.drain();
        await engine.stop();
        expect(sim.quantityOf('MUG')).toBe(12);

        const text = await scrape();
        expect(sample(text, 'ballast_sync_queue_depth', labels)).toBe(0);
        expect(sample(text, 'ballast_sync_pushes_total', { ...labels, status: 'succeeded' })).toBe(1);
        expect(sample(text, 'ballast_sync_push_latency_seconds_count', { connector: 'webhook' })).toBe(1);
      });

      it('increments the counter for each event and buckets the latency in seconds', async () => {
        const labels = { channel: '77', connector: 'shopify' };
        metrics.onSyncEvent({
          channelId: 77,
          connectorId: 'shopify',
          productId: 1,
          status: 'succeeded',
          latencyMs: 1500,
        });
        metrics.onSyncEvent({
          channelId: 77,
          connectorId: 'shopify',
          productId: 2,
          status: 'failed',
          latencyMs: 90,
        });
        const text = await scrape();
        expect(sample(text, 'ballast_sync_pushes_total', { ...labels, status: 'succeeded' })).toBe(1);
        expect(sample(text, 'ballast_sync_pushes_total', { ...labels, status: 'failed' })).toBe(1);
        // Only the confirmed write has a change-to-ack latency.
        expect(sample(text, 'ballast_sync_push_latency_seconds_count', { connector: 'shopify' })).toBe(1);
        expect(
          sample(text, 'ballast_sync_push_latency_seconds_bucket', { connector: 'shopify', le: '1' }),
        ).toBe(0);
        expect(
          sample(text, 'ballast_sync_push_latency_seconds_bucket', { connector: 'shopify', le: '2.5' }),
        ).toBe(1);
      });

      it('times HTTP requests by route pattern and status, never by raw path', async () => {
        const auth = { authorization: `Bearer ${s.token}` };
        await app.request(`/api/v1/stores/${s.store.id}/products/${mug.id}`, { headers: auth });
        await app.request(`/api/v1/stores/${s.store.id}/products/count`, { headers: auth });
        await app.request(`/api/v1/stores/${s.store.id}/products`);
        await app.request('/no/such/page');
        const text = await scrape();
        const count = (route: string, status: string) =>
          sample(text, 'ballast_http_request_duration_seconds_count', { method: 'GET', route, status });
        expect(count('/api/v1/stores/:storeId/products/:productId', '200')).toBe(1);
        expect(count('/api/v1/stores/:storeId/products/count', '200')).toBe(1);
        expect(count('/api/v1/stores/:storeId/products', '401')).toBe(1);
        expect(count('unmatched', '404')).toBe(1);
        expect(text).not.toContain(`/products/${mug.id}"`);
      });

      it('keeps each instance’s metrics in its own registry', async () => {
        const other = new Metrics({ db: s.t.db, processMetrics: false });
        other.onSyncEvent({
          channelId: 5,
          connectorId: 'etsy',
          productId: 1,
          status: 'skipped',
          latencyMs: 1,
        });
        expect(await other.text()).toContain('connector="etsy"');
        expect(await metrics.text()).not.toContain('connector="etsy"');
      });
    });

    describe('error', () => {
      it('answers 404 problem+json when the process has no metrics', async () => {
        const bare = createApp(s.deps, { logError: () => {}, extend: (a) => registerMetrics(a) });
        const res = await bare.request('/metrics');
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        // The API still works without metrics.
        const api = await bare.request(`/api/v1/stores/${s.store.id}/locations`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        expect(api.status).toBe(200);
      });

      it('is not part of the API', async () => {
        const res = await app.request('/api/v1/metrics', { headers: { authorization: `Bearer ${s.token}` } });
        expect(res.status).toBe(404);
      });
    });

    describe('security', () => {
      it('needs no API token by default, and only the metrics token when one is set', async () => {
        expect((await app.request('/metrics')).status).toBe(200);
        const guarded = createApp(
          { ...s.deps, metrics },
          { logError: () => {}, extend: (a) => registerMetrics(a, { token: 'scrape-secret' }) },
        );
        expect((await guarded.request('/metrics')).status).toBe(401);
        const apiToken = await guarded.request('/metrics', {
          headers: { authorization: `Bearer ${s.token}` },
        });
        expect(apiToken.status).toBe(401);
        expect(apiToken.headers.get('content-type')).toBe('application/problem+json');
        await scrape(guarded, { authorization: 'Bearer scrape-secret' });
      });
    });
  });
}
