import { ConnectorConfigError, secretConfigFields } from '@ballast/connector-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_API_VERSION, shopifyConfigSchema, shopifyConnector } from '../src/index.ts';
import { LOCATION, SHOP, TOKEN } from './fixtures.ts';

const base = { shopDomain: SHOP, accessToken: TOKEN, locationIds: [LOCATION] };

describe('config', () => {
  it('defaults: the documented version, 250 per batch, a Standard plan bucket, 15 s', () => {
    const config = shopifyConnector.parseConfig({ ...base, shopDomain: ' My-Shop.MyShopify.com ' });
    expect(config).toMatchObject({
      shopDomain: 'my-shop.myshopify.com',
      apiVersion: DEFAULT_API_VERSION,
      batchSize: 250,
      restoreRate: 100,
      timeoutMs: 15_000,
    });
    expect(shopifyConnector.capabilitiesFor(config)).toEqual({
      maxBatch: 250,
      rateModel: { kind: 'cost-bucket', capacity: 2000, restorePerSec: 100 },
      compareAndSet: true,
      idempotentWrites: true,
      readBack: true,
      orderWebhooks: false,
      orderPolling: false,
      pendingResults: false,
    });
  });

  it('refuses custom domains, unknown versions, non-GID locations, batches above 250 and odd plans', () => {
    const bad = [
      { ...base, shopDomain: 'shop.example.com' },
      { ...base, apiVersion: '2024-10' },
      { ...base, apiVersion: '2026-02' },
      { ...base, locationIds: ['12345'] },
      { ...base, locationIds: [] },
      { ...base, batchSize: 251 },
      { ...base, restoreRate: 50 },
      { ...base, accessToken: '' },
    ];
    for (const raw of bad)
      expect(() => shopifyConnector.parseConfig(raw), JSON.stringify(raw)).toThrow(ConnectorConfigError);
  });

  it('capabilities follow the version, the bucket and the app secret', () => {
    const old = shopifyConnector.capabilitiesFor(
      shopifyConnector.parseConfig({ ...base, apiVersion: '2025-10' }),
    );
    expect(old).toMatchObject({ compareAndSet: true, idempotentWrites: false });
    const plus = shopifyConnector.capabilitiesFor(
      shopifyConnector.parseConfig({ ...base, restoreRate: 1000, bucketSize: 150, appSecret: 's' }),
    );
    // A batch must fit the bucket even split in two fields: 150 - 20.
    expect(plus).toMatchObject({ maxBatch: 130, orderWebhooks: true });
    expect(plus.rateModel).toEqual({ kind: 'cost-bucket', capacity: 150, restorePerSec: 1000 });
  });

  it('marks the token and the app secret as secrets for the admin form', () => {
    const schema = z.toJSONSchema(shopifyConfigSchema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { secret?: boolean }>;
    };
    expect(schema.properties.accessToken?.secret).toBe(true);
    expect(schema.properties.appSecret?.secret).toBe(true);
    expect(schema.properties.shopDomain?.secret).toBeUndefined();
    expect(secretConfigFields(shopifyConfigSchema)).toEqual(['accessToken', 'appSecret']);
  });
});
