import { defineConnector } from '@ballast/connector-kit';
import { webhookConnector } from '@ballast/connector-webhook';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { revokeApiToken, verifyApiToken } from '../src/auth/api-tokens.ts';
import { connectorRegistry, installedConnectors } from '../src/connectors/installed-connectors.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

/** A connector with fixed capabilities and a secret marked by meta, not by name. */
const fixedConnector = defineConnector({
  id: 'fixed-test',
  displayName: 'Fixed',
  description: 'Test connector with fixed capabilities',
  configSchema: z.object({
    shop: z.string().min(1),
    accessCode: z.string().min(1).meta({ secret: true }),
    nested: z.object({ apiKey: z.string() }).optional(),
  }),
  listingRefSchema: z.string(),
  capabilities: {
    maxBatch: 50,
    rateModel: [
      { kind: 'token-bucket', ratePerSec: 2, burst: 4 },
      { kind: 'daily-quota', limit: 1000 },
    ],
    compareAndSet: false,
    idempotentWrites: false,
    readBack: false,
    orderWebhooks: false,
    orderPolling: false,
    pendingResults: false,
  },
  create: () => ({ setQuantities: async () => ({ items: [] }), lookupListings: async () => [] }),
});

interface ConnectorBody {
  id: string;
  displayName: string;
  capabilities: { maxBatch: number; rateModels: unknown[] } | null;
  configSchema: { properties: Record<string, Record<string, unknown>>; required: string[] };
  secretFields: string[];
}

describe('installed connectors', () => {
  it('ships the webhook connector and refuses one id twice', () => {
    expect(installedConnectors.map((c) => c.id)).toContain('webhook');
    expect([...connectorRegistry().keys()]).toEqual(installedConnectors.map((c) => c.id));
    expect(() => connectorRegistry([webhookConnector, webhookConnector])).toThrow(/installed twice/);
  });
});

for (const dialect of DIALECTS) {
  describe(`connectors API [${dialect}]`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await createTestServer(dialect, {
        connectors: connectorRegistry([webhookConnector, fixedConnector]),
      });
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('lists installed connectors with a JSON Schema of their config, secrets marked', async () => {
        const res = await s.request('GET', '/connectors');
        expect(res.status).toBe(200);
        const { items } = (await res.json()) as { items: ConnectorBody[] };
        expect(items.map((c) => c.id)).toEqual(['webhook', 'fixed-test']);

        const webhook = items[0]!;
        expect(webhook).toMatchObject({ displayName: 'Webhook', capabilities: null });
        expect(webhook.configSchema.required).toEqual(['endpointUrl', 'signingSecret']);
        expect(webhook.configSchema.properties.endpointUrl).toMatchObject({ type: 'string', format: 'uri' });
        expect(webhook.configSchema.properties.batchSize).toMatchObject({ default: 100, maximum: 1000 });
        expect(webhook.configSchema.properties.signingSecret).toMatchObject({
          writeOnly: true,
          'x-secret': true,
        });
        expect(webhook.configSchema.properties.endpointUrl).not.toHaveProperty('writeOnly');
        expect(webhook.secretFields.sort()).toEqual(['orderSigningSecret', 'signingSecret']);
      });

      it('gives fixed capabilities and finds secrets marked by meta or nested by name', async () => {
        const { items } = (await (await s.request('GET', '/connectors')).json()) as {
          items: ConnectorBody[];
        };
        const fixed = items.find((c) => c.id === 'fixed-test')!;
        expect(fixed.capabilities).toMatchObject({
          maxBatch: 50,
          rateModels: [
            { kind: 'token-bucket', ratePerSec: 2, burst: 4 },
            { kind: 'daily-quota', limit: 1000 },
          ],
        });
        expect(fixed.secretFields.sort()).toEqual(['accessCode', 'nested.apiKey']);
        expect(fixed.configSchema.properties.shop).not.toHaveProperty('writeOnly');
      });

      it('answers any store’s token: connectors are not store data', async () => {
        expect((await s.request('GET', '/connectors', { token: s.otherToken })).status).toBe(200);
      });

      it('is described in the OpenAPI document', async () => {
        const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
          paths: Record<string, unknown>;
          components: { schemas: Record<string, unknown> };
        };
        expect(doc.paths).toHaveProperty('/connectors');
        expect(doc.components.schemas).toHaveProperty('Connector');
      });
    });

    describe('error', () => {
      it('answers unknown methods on the path with a problem', async () => {
        const res = await s.request('POST', '/connectors', { body: {} });
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      });
    });

    describe('security', () => {
      it('refuses requests without a valid token', async () => {
        const res = await s.request('GET', '/connectors', { token: null });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect((await s.request('GET', '/connectors', { token: 'blst_unknown' })).status).toBe(401);
      });

      it('refuses a revoked token', async () => {
        const verified = await verifyApiToken(s.t.db, s.otherToken);
        await revokeApiToken(s.t.db, s.otherStore.id, verified!.id);
        expect((await s.request('GET', '/connectors', { token: s.otherToken })).status).toBe(401);
      });
    });
  });
}
