import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type AnyConnectorDefinition,
  type BatchResult,
  BatchTooLargeError,
  type Capabilities,
  type ChannelClient,
  ChannelError,
  ConnectorConfigError,
  ConnectorDefinitionError,
  defineConnector,
  type LogFields,
  type QuantityUpdate,
} from '../../src/index.ts';

const baseCapabilities: Capabilities = {
  maxBatch: 3,
  rateModel: { kind: 'token-bucket', ratePerSec: 5, burst: 5 },
  compareAndSet: false,
  idempotentWrites: false,
  readBack: false,
  orderWebhooks: false,
  orderPolling: false,
  pendingResults: false,
};

type Ref = { readonly offerId: string };

/** A connector whose client behaviour each test scripts; no I/O needed to exercise the kit's guard. */
function fakeConnector(
  setQuantities: ChannelClient<Ref>['setQuantities'],
  extra: Partial<ChannelClient<Ref>> = {},
  capabilities: Partial<Capabilities> = {},
) {
  return defineConnector({
    id: 'fake',
    displayName: 'Fake',
    description: 'A scripted connector for kit tests.',
    configSchema: z.object({ apiKey: z.string().min(3), batch: z.number().int().default(3) }),
    listingRefSchema: z.object({ offerId: z.string() }),
    capabilities: (config) => ({ ...baseCapabilities, maxBatch: config.batch, ...capabilities }),
    create: () => ({
      setQuantities,
      lookupListings: async (skus) => skus.map((sku) => ({ sku, listingRef: { offerId: `o-${sku}` } })),
      ...extra,
    }),
  });
}

const update = (sku: string): QuantityUpdate<Ref> => ({
  key: `k-${sku}`,
  listingRef: { offerId: `o-${sku}` },
  sku,
  quantity: 1,
  idempotencyKey: `i-${sku}`,
});

const allOk = async (batch: readonly QuantityUpdate<Ref>[]): Promise<BatchResult> => ({
  items: batch.map(({ key }) => ({ key, status: 'ok' })),
});

describe('defineConnector', () => {
  it('types config and listing refs from the schemas', () => {
    const connector = fakeConnector(allOk);
    expectTypeOf(connector.parseConfig).returns.toEqualTypeOf<{ apiKey: string; batch: number }>();
    expectTypeOf(connector.connect({ apiKey: 'key' }).client.lookupListings)
      .returns.resolves.items.toHaveProperty('listingRef')
      .toEqualTypeOf<Ref>();
    expectTypeOf(connector).toExtend<AnyConnectorDefinition>();
    expect(connector.id).toBe('fake');
  });

  it('parses config with defaults and names every problem', () => {
    const connector = fakeConnector(allOk);
    expect(connector.parseConfig({ apiKey: 'key' })).toEqual({ apiKey: 'key', batch: 3 });
    let error: unknown;
    try {
      connector.parseConfig({ apiKey: 'k', batch: 1.5 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect((error as ConnectorConfigError).issues.map((i) => i.path).sort()).toEqual(['apiKey', 'batch']);
  });

  it('derives capabilities from config', () => {
    const connection = fakeConnector(allOk).connect({ apiKey: 'key', batch: 7 });
    expect(connection.capabilities.maxBatch).toBe(7);
    expect(connection.connectorId).toBe('fake');
  });

  it('refuses capabilities the engine cannot work with', () => {
    expect(() => fakeConnector(allOk).connect({ apiKey: 'key', batch: 0 })).toThrow(ConnectorDefinitionError);
    const zeroRate = fakeConnector(
      allOk,
      {},
      { rateModel: { kind: 'token-bucket', ratePerSec: 0, burst: 1 } },
    );
    expect(() => zeroRate.connect({ apiKey: 'key' })).toThrow(/needs positive numbers/);
    const noModel = fakeConnector(allOk, {}, { rateModel: [] });
    expect(() => noModel.connect({ apiKey: 'key' })).toThrow(/at least one model/);
  });

  it('refuses a capability flag without its method', () => {
    expect(() => fakeConnector(allOk, {}, { readBack: true }).connect({ apiKey: 'key' })).toThrow(
      'fake: readBack needs readQuantities',
    );
    expect(() => fakeConnector(allOk, {}, { orderWebhooks: true }).connect({ apiKey: 'key' })).toThrow(
      /orderWebhooks needs verifyWebhook and parseOrderEvent/,
    );
    expect(() => fakeConnector(allOk, {}, { pendingResults: true }).connect({ apiKey: 'key' })).toThrow(
      'fake: pendingResults needs pollPending',
    );
  });
});

describe('the guarded client', () => {
  it('refuses a batch above maxBatch without calling the connector', async () => {
    let calls = 0;
    const { client } = fakeConnector(async (batch) => {
      calls += 1;
      return allOk(batch);
    }).connect({ apiKey: 'key' });
    await expect(client.setQuantities(['a', 'b', 'c', 'd'].map(update))).rejects.toBeInstanceOf(
      BatchTooLargeError,
    );
    await expect(client.setQuantities(['a', 'b', 'c'].map(update))).resolves.toMatchObject({
      items: { length: 3 },
    });
    expect(calls).toBe(1);
  });

  it('refuses a repeated key and skips an empty batch', async () => {
    let calls = 0;
    const { client } = fakeConnector(async (batch) => {
      calls += 1;
      return allOk(batch);
    }).connect({ apiKey: 'key' });
    await expect(client.setQuantities([update('a'), update('a')])).rejects.toThrow(/appears twice/);
    expect(await client.setQuantities([])).toEqual({ items: [] });
    expect(calls).toBe(0);
  });

  it('returns exactly one result per key, in request order, filling gaps and dropping strays', async () => {
    const warnings: LogFields[] = [];
    const logger = {
      debug: () => {},
      info: () => {},
      error: () => {},
      warn: (_message: string, fields?: LogFields) => {
        if (fields) warnings.push(fields);
      },
    };
    const { client } = fakeConnector(async () => ({
      items: [
        { key: 'k-c', status: 'ok' },
        { key: 'k-zzz', status: 'ok' },
        { key: 'k-a', status: 'permanent', code: 'X', message: 'bad' },
        { key: 'k-a', status: 'ok' },
      ],
      rateFeedback: { retryAfterMs: 5 },
    })).connect({ apiKey: 'key' }, { logger });
    const result = await client.setQuantities(['a', 'b', 'c'].map(update));
    expect(result).toEqual({
      items: [
        { key: 'k-a', status: 'permanent', code: 'X', message: 'bad' },
        {
          key: 'k-b',
          status: 'transient',
          code: 'missing_result',
          message: 'the connector returned no result for this item',
        },
        { key: 'k-c', status: 'ok' },
      ],
      rateFeedback: { retryAfterMs: 5 },
    });
    expect(warnings).toEqual([{ stray: 1, missing: 1 }]);
  });

  it('turns a thrown failure into per-item results', async () => {
    const { client } = fakeConnector(async () => {
      throw new ChannelError({
        retryable: true,
        code: 'throttled',
        message: 'slow down',
        retryAfterMs: 1000,
      });
    }).connect({ apiKey: 'key' });
    const result = await client.setQuantities([update('a')]);
    expect(result).toEqual({
      items: [
        { key: 'k-a', status: 'transient', code: 'throttled', message: 'slow down', retryAfterMs: 1000 },
      ],
      rateFeedback: { retryAfterMs: 1000 },
    });
  });

  it('classifies what lookups and read-backs throw', async () => {
    const { client } = fakeConnector(
      allOk,
      {
        lookupListings: async () => {
          throw new DOMException('late', 'TimeoutError');
        },
        readQuantities: async () => {
          throw new ChannelError({ retryable: false, code: 'unauthorized', message: 'no' });
        },
      },
      { readBack: true },
    ).connect({ apiKey: 'key' });
    await expect(client.lookupListings(['a'])).rejects.toMatchObject({
      name: 'ChannelError',
      code: 'timeout',
    });
    expect(await client.readQuantities?.([{ key: 'r', listingRef: { offerId: 'o' }, sku: 'a' }])).toEqual([
      { key: 'r', status: 'permanent', code: 'unauthorized', message: 'no' },
    ]);
  });

  it("keeps a throttled read-back's Retry-After on its per-item results, for the host's pacer", async () => {
    const { client } = fakeConnector(
      allOk,
      {
        readQuantities: async () => {
          throw new ChannelError({ retryable: true, code: 'throttled', message: 'slow', retryAfterMs: 2000 });
        },
      },
      { readBack: true },
    ).connect({ apiKey: 'key' });
    const requests = ['a', 'b'].map((sku) => ({ key: `r-${sku}`, listingRef: { offerId: sku }, sku }));
    expect(await client.readQuantities?.(requests)).toEqual(
      ['r-a', 'r-b'].map((key) => ({
        key,
        status: 'transient',
        code: 'throttled',
        message: 'slow',
        retryAfterMs: 2000,
      })),
    );
  });

  it('answers every polled handle once, in order: unanswered ones and unusable new handles stay pending', async () => {
    const warnings: LogFields[] = [];
    const logger = {
      debug: () => {},
      info: () => {},
      error: () => {},
      warn: (_message: string, fields?: LogFields) => {
        if (fields) warnings.push(fields);
      },
    };
    let asked: readonly string[] = [];
    const { client } = fakeConnector(
      allOk,
      {
        pollPending: async (handles) => {
          asked = handles;
          return [
            { handle: 'h-c', outcome: { status: 'pending', handle: '' } },
            { handle: 'h-stray', outcome: { status: 'ok' } },
            { handle: 'h-a', outcome: { status: 'permanent', code: 'DATA_ERROR', message: 'refused' } },
            { handle: 'h-a', outcome: { status: 'ok' } },
          ];
        },
      },
      { pendingResults: true },
    ).connect({ apiKey: 'key' }, { logger });
    expect(await client.pollPending?.(['h-a', 'h-b', 'h-c'])).toEqual([
      { handle: 'h-a', outcome: { status: 'permanent', code: 'DATA_ERROR', message: 'refused' } },
      { handle: 'h-b', outcome: { status: 'pending', handle: 'h-b' } },
      { handle: 'h-c', outcome: { status: 'pending', handle: 'h-c' } },
    ]);
    expect(asked).toEqual(['h-a', 'h-b', 'h-c']);
    expect(warnings).toEqual([{ missing: 1, stray: 1 }]);
    await expect(client.pollPending?.(['h-a', 'h-a'])).rejects.toThrow(/appears twice/);
    asked = [];
    expect(await client.pollPending?.([])).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('classifies a failed poll, and refuses pending results the host could not poll', async () => {
    const { client } = fakeConnector(
      async (batch) => ({
        items: batch.map(({ key }, i) => ({
          key,
          status: 'pending',
          handle: ['feed-1:a', '', 'x'.repeat(2001)][i]!,
        })),
      }),
      {
        pollPending: async () => {
          throw new DOMException('late', 'TimeoutError');
        },
      },
      { pendingResults: true },
    ).connect({ apiKey: 'key' });
    await expect(client.pollPending?.(['feed-1:a'])).rejects.toMatchObject({
      name: 'ChannelError',
      code: 'timeout',
      retryable: true,
    });
    const result = await client.setQuantities(['a', 'b', 'c'].map(update));
    expect(result.items.map((item) => item.status)).toEqual(['pending', 'transient', 'transient']);
    expect(result.items[1]).toMatchObject({ code: 'invalid_pending_result' });

    const undeclared = fakeConnector(async (batch) => ({
      items: batch.map(({ key }) => ({ key, status: 'pending', handle: `feed-1:${key}` })),
    })).connect({ apiKey: 'key' });
    expect((await undeclared.client.setQuantities([update('a')])).items).toEqual([
      {
        key: 'k-a',
        status: 'transient',
        code: 'invalid_pending_result',
        message: 'the connector answered pending but does not declare pendingResults',
      },
    ]);
  });

  it('a webhook check that throws is a rejection, a parse that throws is invalid', () => {
    const { client } = fakeConnector(
      allOk,
      {
        verifyWebhook: () => {
          throw new Error('bad header');
        },
        parseOrderEvent: () => {
          throw new Error('bad body');
        },
      },
      { orderWebhooks: true },
    ).connect({ apiKey: 'key' });
    const request = { headers: new Headers(), rawBody: '{}' };
    expect(client.verifyWebhook?.(request)).toEqual({ ok: false, reason: 'bad header' });
    expect(client.parseOrderEvent?.(request)).toEqual({ kind: 'invalid', reason: 'bad body' });
  });

  it('passes the context to the connector with defaults filled in', () => {
    let seen: { timeoutMs: number; endpoint: string | undefined } | undefined;
    const connector = defineConnector({
      id: 'ctx',
      displayName: 'Ctx',
      description: 'Captures its context.',
      configSchema: z.object({}),
      listingRefSchema: z.string(),
      capabilities: baseCapabilities,
      create: (_config, ctx) => {
        seen = { timeoutMs: ctx.timeoutMs, endpoint: ctx.endpoint };
        return { setQuantities: async () => ({ items: [] }), lookupListings: async () => [] };
      },
    });
    connector.connect({});
    expect(seen).toEqual({ timeoutMs: 30_000, endpoint: undefined });
    connector.connect({}, { timeoutMs: 5, endpoint: 'http://127.0.0.1:1' });
    expect(seen).toEqual({ timeoutMs: 5, endpoint: 'http://127.0.0.1:1' });
  });
});
