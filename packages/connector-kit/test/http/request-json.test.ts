import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChannelError, requestJson, systemClock } from '../../src/index.ts';
import { json, type SimServer, startSimServer } from '../../src/testing/index.ts';

const ctx = { fetch: globalThis.fetch, timeoutMs: 300, clock: systemClock };
const itemsSchema = z.object({ items: z.array(z.object({ sku: z.string(), quantity: z.number() })) });

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('requestJson', () => {
  let sim: SimServer;
  beforeEach(async () => {
    sim = await startSimServer();
    sim.route('GET', '/items', () => json(200, { items: [{ sku: 'A', quantity: 3 }] }));
    sim.route('POST', '/items', (req) =>
      json(200, { items: [{ sku: 'echo', quantity: req.rawBody.length }] }),
    );
    sim.route('POST', '/empty', () => ({ status: 204 }));
  });
  afterEach(() => sim.close());

  it('returns a 2xx body that passed the schema, sending JSON headers', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const res = await requestJson(ctx, {
      method: 'POST',
      url: `${sim.url}/items`,
      body,
      schema: itemsSchema,
    });
    expect(res.body.items).toEqual([{ sku: 'echo', quantity: body.length }]);
    expect(sim.requests[0]?.headers['content-type']).toBe('application/json');
    expect(sim.requests[0]?.body).toBe(body);
  });

  it('parses an empty body as undefined', async () => {
    const res = await requestJson(ctx, {
      method: 'POST',
      url: `${sim.url}/empty`,
      body: '{}',
      schema: itemsSchema.optional(),
    });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
  });

  it('a body that does not match the schema is transient', async () => {
    const error = await failure(
      requestJson(ctx, { url: `${sim.url}/items`, schema: z.object({ nope: z.string() }) }),
    );
    expect(error).toMatchObject({ retryable: true, code: 'malformed_body' });
  });

  it('malformed JSON is transient', async () => {
    sim.faults.next({ kind: 'malformed-json' });
    const error = await failure(requestJson(ctx, { url: `${sim.url}/items`, schema: itemsSchema }));
    expect(error).toMatchObject({ retryable: true, code: 'malformed_body' });
  });

  it('429 is transient with Retry-After and the response headers', async () => {
    sim.faults.next({
      kind: 'status',
      status: 429,
      retryAfter: '4',
      headers: { 'x-rate-limit-requests-left': '0' },
    });
    const error = await failure(requestJson(ctx, { url: `${sim.url}/items`, schema: itemsSchema }));
    expect(error).toMatchObject({ retryable: true, code: 'throttled', status: 429, retryAfterMs: 4000 });
    expect(error.headers?.get('x-rate-limit-requests-left')).toBe('0');
  });

  it('a 4xx is permanent, and the connector may read the channel code from the body', async () => {
    sim.faults.next({
      kind: 'status',
      status: 422,
      body: JSON.stringify({ code: 'SKU_LOCKED', detail: 'locked' }),
    });
    const error = await failure(
      requestJson(ctx, {
        url: `${sim.url}/items`,
        schema: itemsSchema,
        describeError: ({ rawBody }) => {
          const parsed = z.object({ code: z.string(), detail: z.string() }).parse(JSON.parse(rawBody));
          return { code: parsed.code, message: parsed.detail };
        },
      }),
    );
    expect(error).toMatchObject({ retryable: false, code: 'SKU_LOCKED', message: 'locked', status: 422 });
  });

  it('the connector may override the class of a status (a channel that says "retry" in a 400)', async () => {
    sim.faults.next({ kind: 'status', status: 400 });
    const error = await failure(
      requestJson(ctx, {
        url: `${sim.url}/items`,
        schema: itemsSchema,
        describeError: () => ({ retryable: true }),
      }),
    );
    expect(error).toMatchObject({ retryable: true, code: 'validation' });
  });

  it('a hanging channel times out as transient', async () => {
    sim.faults.next({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(
      requestJson(ctx, { url: `${sim.url}/items`, schema: itemsSchema, timeoutMs: 150 }),
    );
    expect(error).toMatchObject({ retryable: true, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a connection reset is transient', async () => {
    sim.faults.next({ kind: 'reset' });
    const error = await failure(requestJson(ctx, { url: `${sim.url}/items`, schema: itemsSchema }));
    expect(error).toMatchObject({ retryable: true, code: 'network' });
  });

  it("the context's signal aborts a call in flight", async () => {
    sim.faults.next({ kind: 'hang' });
    const controller = new AbortController();
    const pending = requestJson(
      { ...ctx, timeoutMs: 10_000, signal: controller.signal },
      {
        url: `${sim.url}/items`,
        schema: itemsSchema,
      },
    );
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toMatchObject({ retryable: true, code: 'aborted' });
  });
});
