import { defineConnector, secretSetting } from '@ballast/connector-kit';
import { webhookConnector } from '@ballast/connector-webhook';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectorConfigForm } from '../src/connectors/config-json-schema.ts';
import { mergeChannelConfig } from '../src/connectors/merge-channel-config.ts';
import { visibleSettings } from '../src/connectors/visible-settings.ts';

/** Nested settings, a nullable object, a secret by name only and a free-form record. */
const nestedConnector = defineConnector({
  id: 'nested-test',
  displayName: 'Nested',
  description: 'Test connector with nested settings',
  configSchema: z.object({
    shop: z.string(),
    auth: z.object({ user: z.string(), password: secretSetting(z.string()) }),
    proxy: z.object({ host: z.string(), apiKey: z.string() }).nullable().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    locations: z.array(z.string()).optional(),
    rules: z.array(z.object({ sku: z.string() })).optional(),
  }),
  listingRefSchema: z.string(),
  capabilities: {
    maxBatch: 1,
    rateModel: { kind: 'token-bucket', ratePerSec: 1, burst: 1 },
    compareAndSet: false,
    idempotentWrites: false,
    readBack: false,
    orderWebhooks: false,
    orderPolling: false,
    pendingResults: false,
  },
  create: () => ({ setQuantities: async () => ({ items: [] }), lookupListings: async () => [] }),
});

describe('mergeChannelConfig', () => {
  const secrets = new Set(['signingSecret', 'auth.password']);
  const stored = {
    endpointUrl: 'https://a.example/in',
    signingSecret: 'whsec_stored',
    batchSize: 10,
    readBackUrl: 'https://a.example/read',
    auth: { user: 'u', password: 'p' },
    locations: ['x', 'y'],
  };

  it('keeps what is left out, sets what is sent, and clears what is null', () => {
    expect(
      mergeChannelConfig(stored, { batchSize: 20, readBackUrl: null, lookupUrl: 'https://l' }, secrets),
    ).toEqual({
      endpointUrl: 'https://a.example/in',
      signingSecret: 'whsec_stored',
      batchSize: 20,
      lookupUrl: 'https://l',
      auth: { user: 'u', password: 'p' },
      locations: ['x', 'y'],
    });
  });

  it('keeps a secret sent blank, replaces one sent with a value, and clears one sent null', () => {
    expect(mergeChannelConfig(stored, { signingSecret: '' }, secrets).signingSecret).toBe('whsec_stored');
    expect(mergeChannelConfig(stored, { signingSecret: 'whsec_new' }, secrets).signingSecret).toBe(
      'whsec_new',
    );
    expect(mergeChannelConfig(stored, { signingSecret: null }, secrets)).not.toHaveProperty('signingSecret');
    // A blank setting that is not secret is a value like any other (the connector judges it).
    expect(mergeChannelConfig(stored, { endpointUrl: '' }, secrets).endpointUrl).toBe('');
  });

  it('merges nested objects setting by setting and replaces arrays', () => {
    const merged = mergeChannelConfig(
      stored,
      { auth: { user: 'v', password: '' }, locations: ['z'] },
      secrets,
    );
    expect(merged.auth).toEqual({ user: 'v', password: 'p' });
    expect(merged.locations).toEqual(['z']);
  });

  it('starts from nothing when nothing is stored, and leaves the stored object untouched', () => {
    expect(mergeChannelConfig(undefined, { batchSize: 1, signingSecret: '' }, secrets)).toEqual({
      batchSize: 1,
    });
    const copy = structuredClone(stored);
    mergeChannelConfig(stored, { auth: { user: 'w' }, batchSize: null }, secrets);
    expect(stored).toEqual(copy);
  });

  it('never lets a key swap the prototype', () => {
    const merged = mergeChannelConfig(stored, JSON.parse('{"__proto__": {"polluted": true}}'), secrets);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('visibleSettings', () => {
  it('shows the webhook connector’s settings without either signing secret', () => {
    const config = {
      endpointUrl: 'https://a.example/in',
      signingSecret: 'whsec_one',
      orderSigningSecret: 'whsec_two',
      batchSize: 10,
      compareAndSet: true,
    };
    expect(visibleSettings(config, connectorConfigForm(webhookConnector))).toEqual({
      endpointUrl: 'https://a.example/in',
      batchSize: 10,
      compareAndSet: true,
    });
  });

  it('withholds nested secrets, secrets by name, undeclared settings and objects it cannot describe', () => {
    const form = connectorConfigForm(nestedConnector);
    expect([...form.secretFields].sort()).toEqual(['auth.password', 'proxy.apiKey']);
    const config = {
      shop: 's',
      auth: { user: 'u', password: 'p' },
      proxy: { host: 'h', apiKey: 'k' },
      headers: { authorization: 'Bearer t' },
      locations: ['a', 'b'],
      rules: [{ sku: 'A' }],
      legacyToken: 'old',
    };
    expect(visibleSettings(config, form)).toEqual({
      shop: 's',
      auth: { user: 'u' },
      proxy: { host: 'h' },
      locations: ['a', 'b'],
    });
    expect(visibleSettings(null, form)).toEqual({});
  });
});
