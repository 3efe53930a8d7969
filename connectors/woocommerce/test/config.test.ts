import { ConnectorConfigError, secretConfigFields } from '@ballast/connector-kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authModeOf, wooConfigSchema, wooConnector } from '../src/index.ts';
import { credentials } from './fixtures.ts';

describe('config', () => {
  it('fills modest defaults: batches of 100, 5 requests/s with a burst of 10, 60 s per request', () => {
    expect(wooConnector.parseConfig({ siteUrl: 'https://shop.example', ...credentials })).toEqual({
      siteUrl: 'https://shop.example',
      ...credentials,
      batchSize: 100,
      requestsPerSecond: 5,
      burst: 10,
      timeoutMs: 60_000,
    });
  });

  it('takes the auth mode from the scheme unless it is set', () => {
    expect(authModeOf({ siteUrl: 'https://shop.example' })).toBe('basic');
    expect(authModeOf({ siteUrl: 'http://shop.example' })).toBe('oauth1');
    expect(authModeOf({ siteUrl: 'https://shop.example', authMode: 'oauth1' })).toBe('oauth1');
    expect(authModeOf({ siteUrl: 'http://10.0.0.5', authMode: 'basic' })).toBe('basic');
  });

  it('refuses what WooCommerce cannot take', () => {
    const bad = [
      { siteUrl: 'ftp://shop.example' },
      { siteUrl: 'https://shop.example/?page=1' },
      { batchSize: 101 },
      { batchSize: 0 },
      { requestsPerSecond: 0 },
      { consumerKey: '  ' },
      { authMode: 'jwt' },
    ];
    for (const override of bad) {
      expect(
        () => wooConnector.parseConfig({ siteUrl: 'https://shop.example', ...credentials, ...override }),
        JSON.stringify(override),
      ).toThrow(ConnectorConfigError);
    }
  });

  it('marks the key, the secret and the webhook secret as secrets in the JSON Schema the admin renders', () => {
    const schema = z.toJSONSchema(wooConfigSchema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { secret?: boolean }>;
      required: string[];
    };
    const secrets = Object.entries(schema.properties)
      .filter(([, p]) => p.secret === true)
      .map(([name]) => name);
    expect(secrets.sort()).toEqual(['consumerKey', 'consumerSecret', 'webhookSecret']);
    expect(secretConfigFields(wooConfigSchema)).toEqual(['consumerKey', 'consumerSecret', 'webhookSecret']);
    expect(schema.required.sort()).toEqual(['consumerKey', 'consumerSecret', 'siteUrl']);
  });

  it('declares its capabilities from the config: HTTP calls as cost points, no compare-and-set, no idempotency', () => {
    const config = wooConnector.parseConfig({
      siteUrl: 'https://shop.example',
      ...credentials,
      batchSize: 40,
      requestsPerSecond: 2,
      burst: 4,
    });
    expect(wooConnector.capabilitiesFor(config)).toEqual({
      maxBatch: 40,
      rateModel: { kind: 'cost-bucket', capacity: 4, restorePerSec: 2 },
      compareAndSet: false,
      idempotentWrites: false,
      readBack: true,
      orderWebhooks: true,
      orderPolling: false,
      pendingResults: false,
    });
  });
});
