import { type QuantityUpdate, verifyStandardWebhook } from '@ballast/connector-kit';
import { json, type SimResponse, startSimServer } from '@ballast/connector-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { inventorySetSchema, webhookConnector } from '../src/index.ts';
import { SIMULATOR_PATHS, startWebhookSimulator, type WebhookSimulator } from '../src/simulator/index.ts';
import { OTHER_SECRET, TEST_SECRET } from './fixtures.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function update(
  sku: string,
  quantity: number,
  extra: Partial<QuantityUpdate<string>> = {},
): QuantityUpdate<string> {
  return {
    key: `k-${sku}`,
    listingRef: sku,
    sku,
    quantity,
    idempotencyKey: `i-${sku}-${quantity}`,
    ...extra,
  };
}

/** A receiver that answers whatever the test says and keeps what it got. */
async function scriptedReceiver(answer: () => SimResponse) {
  const server = await startSimServer();
  closers.push(() => server.close());
  server.route('POST', '/inventory', answer);
  const connection = webhookConnector.connect({
    endpointUrl: `${server.url}/inventory`,
    signingSecret: TEST_SECRET,
  });
  return { server, client: connection.client };
}

async function simulator(
  options: Partial<Parameters<typeof startWebhookSimulator>[0]> = {},
): Promise<WebhookSimulator> {
  const sim = await startWebhookSimulator({ secret: TEST_SECRET, requestsPerSecond: 1000, ...options });
  closers.push(() => sim.close());
  return sim;
}

describe('outgoing inventory.set requests', () => {
  it('POST a Standard Webhooks-signed inventory.set body', async () => {
    const { server, client } = await scriptedReceiver(() => ({ status: 204 }));
    await client.setQuantities([update('A', 3), update('B', 0)]);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^ballast-connector-webhook\//);
    expect(inventorySetSchema.parse(JSON.parse(request?.body ?? ''))).toEqual({
      type: 'inventory.set',
      items: [
        { sku: 'A', quantity: 3, idempotencyKey: 'i-A-3' },
        { sku: 'B', quantity: 0, idempotencyKey: 'i-B-0' },
      ],
    });
    const headers = new Headers(request?.headers);
    expect(verifyStandardWebhook(TEST_SECRET, { headers, rawBody: request?.body ?? '' })).toEqual({
      ok: true,
    });
    expect(verifyStandardWebhook(OTHER_SECRET, { headers, rawBody: request?.body ?? '' }).ok).toBe(false);
  });

  it('a retry of the same batch reuses its webhook-id; another batch gets another', async () => {
    const { server, client } = await scriptedReceiver(() => ({ status: 204 }));
    await client.setQuantities([update('A', 3)]);
    await client.setQuantities([update('A', 3)]);
    await client.setQuantities([update('A', 4)]);
    const ids = server.requests.map((r) => r.headers['webhook-id']);
    expect(ids[0]).toMatch(/^msg_/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('sends expectedQuantity only when compare-and-set is configured', async () => {
    const server = await startSimServer();
    closers.push(() => server.close());
    server.route('POST', '/inventory', () => ({ status: 204 }));
    const base = { endpointUrl: `${server.url}/inventory`, signingSecret: TEST_SECRET };
    await webhookConnector.connect(base).client.setQuantities([update('A', 3, { expectedCurrent: 2 })]);
    await webhookConnector
      .connect({ ...base, compareAndSet: true })
      .client.setQuantities([update('A', 3, { expectedCurrent: 2 })]);
    const items = server.requests.map((r) => inventorySetSchema.parse(JSON.parse(r.body)).items[0]);
    expect(items[0]).not.toHaveProperty('expectedQuantity');
    expect(items[1]).toMatchObject({ expectedQuantity: 2 });
  });
});

describe('receiver answers', () => {
  it('maps per-item results: ok with quantity, retryable and final errors, stale', async () => {
    const { client } = await scriptedReceiver(() =>
      json(200, {
        results: [
          { sku: 'A', status: 'ok', quantity: 3 },
          { sku: 'B', status: 'error', code: 'LOCKED', message: 'stock take running', retryable: true },
          { sku: 'C', status: 'error', code: 'DISCONTINUED', message: 'no longer sold' },
          { sku: 'D', status: 'stale', quantity: 12 },
          { sku: 'E', status: 'error' },
        ],
      }),
    );
    const result = await client.setQuantities(['A', 'B', 'C', 'D', 'E'].map((sku) => update(sku, 3)));
    expect(result.items).toEqual([
      { key: 'k-A', status: 'ok', quantity: 3 },
      { key: 'k-B', status: 'transient', code: 'LOCKED', message: 'stock take running' },
      { key: 'k-C', status: 'permanent', code: 'DISCONTINUED', message: 'no longer sold' },
      { key: 'k-D', status: 'stale', actualQuantity: 12 },
      {
        key: 'k-E',
        status: 'permanent',
        code: 'receiver_error',
        message: 'the receiver reported an error for this item',
      },
    ]);
  });

  it('an item the receiver left out is a transient missing result', async () => {
    const { client } = await scriptedReceiver(() => json(200, { results: [{ sku: 'A', status: 'ok' }] }));
    const result = await client.setQuantities([update('A', 1), update('B', 1)]);
    expect(result.items.map((r) => [r.key, r.status])).toEqual([
      ['k-A', 'ok'],
      ['k-B', 'transient'],
    ]);
    expect(result.items[1]).toMatchObject({ code: 'missing_result' });
  });

  it('a SKU twice in one batch is sent once; the second listing fails for good', async () => {
    const { server, client } = await scriptedReceiver(() => ({ status: 204 }));
    const result = await client.setQuantities([
      update('A', 1),
      { ...update('A', 2), key: 'k-A2' },
      update('B', 1),
    ]);
    expect(result.items.map((r) => [r.key, r.status])).toEqual([
      ['k-A', 'ok'],
      ['k-A2', 'permanent'],
      ['k-B', 'ok'],
    ]);
    expect(result.items[1]).toMatchObject({ code: 'duplicate_sku' });
    expect(
      inventorySetSchema.parse(JSON.parse(server.requests[0]?.body ?? '')).items.map((i) => i.sku),
    ).toEqual(['A', 'B']);
  });

  it('a 2xx JSON body without results means every item is ok', async () => {
    const { client } = await scriptedReceiver(() => json(202, { received: true }));
    const result = await client.setQuantities([update('A', 1), update('B', 2)]);
    expect(result.items.map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('a results entry that breaks the protocol is transient (the batch may be retried safely)', async () => {
    const { client } = await scriptedReceiver(() => json(200, { results: [{ sku: 'A', status: 'done' }] }));
    const result = await client.setQuantities([update('A', 1)]);
    expect(result.items[0]).toMatchObject({ status: 'transient', code: 'malformed_body' });
  });

  it('a receiver that rejects the signature gives permanent unauthorized results', async () => {
    const sim = await simulator({ secret: OTHER_SECRET });
    sim.seed([{ sku: 'A', quantity: 1 }]);
    const { client } = webhookConnector.connect({
      endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
      signingSecret: TEST_SECRET,
    });
    const result = await client.setQuantities([update('A', 5)]);
    expect(result.items[0]).toMatchObject({ status: 'permanent', code: 'unauthorized' });
    expect(sim.quantityOf('A')).toBe(1);
  });

  it('an unknown SKU is refused for good by the simulator, the rest applied', async () => {
    const sim = await simulator();
    sim.seed([{ sku: 'A', quantity: 1 }]);
    const { client } = webhookConnector.connect({
      endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
      signingSecret: TEST_SECRET,
    });
    const result = await client.setQuantities([update('A', 5), update('NOPE', 5)]);
    expect(result.items).toEqual([
      { key: 'k-A', status: 'ok', quantity: 5 },
      { key: 'k-NOPE', status: 'permanent', code: 'unknown_sku', message: 'no item NOPE' },
    ]);
  });
});

describe('lookups and read-back', () => {
  it('without a lookup URL every SKU counts as listed under its own SKU', async () => {
    const { client } = webhookConnector.connect({
      endpointUrl: 'https://erp.example.com/x',
      signingSecret: TEST_SECRET,
    });
    expect(await client.lookupListings(['A', 'B'])).toEqual([
      { sku: 'A', listingRef: 'A' },
      { sku: 'B', listingRef: 'B' },
    ]);
  });

  it('signed GETs, chunked at 100 SKUs, answer what the receiver has', async () => {
    const sim = await simulator();
    const skus = Array.from({ length: 150 }, (_, i) => `S${i}`);
    sim.seed(skus.slice(0, 120).map((sku, i) => ({ sku, quantity: i })));
    const { client } = webhookConnector.connect({
      endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
      lookupUrl: `${sim.server.url}${SIMULATOR_PATHS.lookup}`,
      readBackUrl: `${sim.server.url}${SIMULATOR_PATHS.readBack}`,
      signingSecret: TEST_SECRET,
    });
    const matches = await client.lookupListings(skus);
    expect(matches).toHaveLength(120);
    expect(matches[7]).toEqual({ sku: 'S7', listingRef: 'S7', quantity: 7 });
    expect(
      sim.server.requests.map((r) => new URLSearchParams(r.query).get('skus')?.split(',').length),
    ).toEqual([100, 50]);

    const read = await client.readQuantities?.([
      { key: 'a', listingRef: 'S3', sku: 'S3' },
      { key: 'b', listingRef: 'S140', sku: 'S140' },
    ]);
    expect(read).toEqual([
      { key: 'a', status: 'ok', quantity: 3 },
      { key: 'b', status: 'missing' },
    ]);
    // Every GET was signed over the empty body, so the receiver could verify it.
    for (const request of sim.server.requests)
      expect(request.outcome).toEqual({ kind: 'response', status: 200 });
  });
});

describe('chaos: 30 % of calls fail at random', () => {
  it('retrying transient results converges, and idempotency keys keep replays from applying twice', async () => {
    const sim = await simulator({ results: 'always' });
    const skus = Array.from({ length: 100 }, (_, i) => `P${i}`);
    sim.seed(skus.map((sku) => ({ sku, quantity: 0 })));
    sim.server.faults.randomly({
      probability: 0.3,
      seed: 42,
      faults: [
        { kind: 'status', status: 503 },
        { kind: 'reset' },
        { kind: 'malformed-json' },
        { kind: 'partial', ratio: 0.5, retryable: true },
      ],
    });
    const { client } = webhookConnector.connect({
      endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
      signingSecret: TEST_SECRET,
      batchSize: 5,
    });
    let pending = skus.map((sku, i) => update(sku, i + 1));
    let rounds = 0;
    while (pending.length > 0 && rounds < 30) {
      rounds += 1;
      const next: QuantityUpdate<string>[] = [];
      for (let start = 0; start < pending.length; start += 5) {
        const batch = pending.slice(start, start + 5);
        const result = await client.setQuantities(batch);
        for (const item of result.items) {
          expect(item.status === 'ok' || item.status === 'transient').toBe(true);
          if (item.status === 'transient') next.push(batch.find((u) => u.key === item.key)!);
        }
      }
      pending = next;
    }
    expect(pending).toEqual([]);
    expect(rounds).toBeGreaterThan(1);
    for (const [i, sku] of skus.entries()) expect(sim.quantityOf(sku)).toBe(i + 1);
    const faulted = sim.server.requests.filter((r) => r.fault !== undefined).length;
    expect(faulted / sim.server.requests.length).toBeGreaterThan(0.15);
    expect(faulted / sim.server.requests.length).toBeLessThan(0.45);
    // A malformed answer comes after the receiver applied the batch, so its resend was a replay of applied keys.
    expect(sim.server.requests.some((r) => r.fault?.kind === 'malformed-json')).toBe(true);
  });
});

describe('timeouts', () => {
  it('the shorter of the configured and the host timeout applies', async () => {
    const { server } = await scriptedReceiver(() => ({ status: 204 }));
    server.faults.next({ kind: 'hang' });
    const { client } = webhookConnector.connect(
      { endpointUrl: `${server.url}/inventory`, signingSecret: TEST_SECRET, timeoutMs: 60_000 },
      { timeoutMs: 200 },
    );
    const started = Date.now();
    const result = await client.setQuantities([update('A', 1)]);
    expect(result.items[0]).toMatchObject({ status: 'transient', code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
