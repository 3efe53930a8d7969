import { ConnectorConfigError, secretConfigFields } from '@ballast/connector-kit';
import { describe, expect, it } from 'vitest';
import { webhookConfigSchema, webhookConnector } from '../src/index.ts';
import { TEST_SECRET } from './fixtures.ts';

const minimal = { endpointUrl: 'https://erp.example.com/ballast/inventory', signingSecret: TEST_SECRET };

describe('webhook config', () => {
  it('fills the documented defaults', () => {
    expect(webhookConnector.parseConfig(minimal)).toEqual({
      ...minimal,
      batchSize: 100,
      requestsPerSecond: 10,
      timeoutMs: 15_000,
      compareAndSet: false,
    });
  });

  it.each([
    ['a non-http endpoint', { ...minimal, endpointUrl: 'ftp://erp.example.com/x' }, 'endpointUrl'],
    [
      'a secret without the whsec_ prefix',
      { ...minimal, signingSecret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=' },
      'signingSecret',
    ],
    ['a secret that is too short', { ...minimal, signingSecret: 'whsec_c2hvcnQ=' }, 'signingSecret'],
    ['a batch above 1000', { ...minimal, batchSize: 1001 }, 'batchSize'],
    ['a zero rate', { ...minimal, requestsPerSecond: 0 }, 'requestsPerSecond'],
  ])('rejects %s', (_label, raw, path) => {
    let error: unknown;
    try {
      webhookConnector.parseConfig(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect((error as ConnectorConfigError).issues.map((issue) => issue.path)).toContain(path);
  });

  it('derives capabilities from the config', () => {
    const plain = webhookConnector.capabilitiesFor(webhookConnector.parseConfig(minimal));
    expect(plain).toEqual({
      maxBatch: 100,
      rateModel: { kind: 'token-bucket', ratePerSec: 10, burst: 10 },
      compareAndSet: false,
      idempotentWrites: true,
      readBack: false,
      orderWebhooks: true,
      orderPolling: false,
      pendingResults: false,
    });
    const tuned = webhookConnector.capabilitiesFor(
      webhookConnector.parseConfig({
        ...minimal,
        batchSize: 500,
        requestsPerSecond: 2.5,
        readBackUrl: 'https://erp.example.com/ballast/stock',
        compareAndSet: true,
      }),
    );
    expect(tuned).toMatchObject({
      maxBatch: 500,
      rateModel: { kind: 'token-bucket', ratePerSec: 2.5, burst: 3 },
      compareAndSet: true,
      readBack: true,
    });
  });

  it('offers read-back only when a read-back URL is configured', () => {
    expect(webhookConnector.connect(minimal).client.readQuantities).toBeUndefined();
    const withReadBack = webhookConnector.connect({
      ...minimal,
      readBackUrl: 'https://erp.example.com/stock',
    });
    expect(withReadBack.client.readQuantities).toBeTypeOf('function');
  });

  it('marks both signing secrets as secrets, and nothing else', () => {
    expect(secretConfigFields(webhookConfigSchema)).toEqual(['signingSecret', 'orderSigningSecret']);
  });
});
