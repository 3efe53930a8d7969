import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, json, type SimServer, startSimServer } from '../../src/testing/index.ts';

let sim: SimServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: Parameters<typeof startSimServer>[0] = {}): Promise<SimServer> {
  sim = await startSimServer(options);
  sim.route('POST', '/echo', (req) =>
    json(200, { got: req.rawBody, q: req.query.get('x'), h: req.headers.get('x-test') }),
  );
  return sim;
}

describe('startSimServer', () => {
  it('serves routes on 127.0.0.1 and logs every request', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/echo?x=1`, {
      method: 'POST',
      body: 'hi',
      headers: { 'x-test': 't' },
    });
    expect(await res.json()).toEqual({ got: 'hi', q: '1', h: 't' });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect(server.requests.map((r) => [r.method, r.path, r.query, r.body, r.outcome])).toEqual([
      ['POST', '/echo', '?x=1', 'hi', { kind: 'response', status: 200 }],
      ['GET', '/nope', '', '', { kind: 'response', status: 404 }],
    ]);
    expect(server.requests[0]?.headers['x-test']).toBe('t');
    server.clearLog();
    expect(server.requests).toHaveLength(0);
  });

  it('plays a scripted fault once, then answers normally', async () => {
    const server = await start();
    server.faults.next({ kind: 'status', status: 503, retryAfter: '3' });
    const first = await fetch(`${server.url}/echo`, { method: 'POST', body: 'a' });
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '3']);
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'b' })).status).toBe(200);
    expect(server.requests[0]?.fault).toEqual({ kind: 'status', status: 503, retryAfter: '3' });
  });

  it('matches scripted faults by method and path, and repeats them `times`', async () => {
    const server = await start();
    server.route('GET', '/other', () => json(200, {}));
    server.faults.next({ kind: 'status', status: 500 }, { path: '/echo', times: 2 });
    expect((await fetch(`${server.url}/other`)).status).toBe(200);
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(200);
  });

  it('resets the connection, sends malformed JSON, and hangs until closed', async () => {
    const server = await start();
    server.faults.next({ kind: 'reset' }).next({ kind: 'malformed-json' }).next({ kind: 'hang' });
    await expect(fetch(`${server.url}/echo`, { method: 'POST' })).rejects.toThrow();
    const malformed = await fetch(`${server.url}/echo`, { method: 'POST' });
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    const hung = fetch(`${server.url}/echo`, { method: 'POST', signal: AbortSignal.timeout(150) });
    await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(server.requests.map((r) => r.outcome?.kind)).toEqual(['reset', 'response', 'hang']);
  });

  it('delays a response', async () => {
    const server = await start();
    server.faults.next({ kind: 'delay', ms: 120 });
    const started = Date.now();
    expect((await fetch(`${server.url}/echo`, { method: 'POST' })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('hands partial faults to the handler, by SKU or by a seeded ratio', async () => {
    const server = await start({ seed: 7 });
    const skus = Array.from({ length: 200 }, (_, i) => `S${i}`);
    server.route('POST', '/batch', (req) =>
      json(200, {
        failed: skus
          .filter((sku) => req.partialFailureFor(sku))
          .map((sku) => [sku, req.partialFailureFor(sku)?.retryable]),
      }),
    );
    server.faults.next({ kind: 'partial', failures: [{ sku: 'S3', retryable: false }] });
    const listed = (await (await fetch(`${server.url}/batch`, { method: 'POST' })).json()) as {
      failed: unknown[];
    };
    expect(listed.failed).toEqual([['S3', false]]);

    server.faults.next({ kind: 'partial', ratio: 0.3, retryable: true });
    const sampled = (await (await fetch(`${server.url}/batch`, { method: 'POST' })).json()) as {
      failed: unknown[];
    };
    expect(sampled.failed.length).toBeGreaterThan(40);
    expect(sampled.failed.length).toBeLessThan(80);

    const none = (await (await fetch(`${server.url}/batch`, { method: 'POST' })).json()) as {
      failed: unknown[];
    };
    expect(none.failed).toEqual([]);
  });

  it('random faults hit about the configured share of calls, the same ones for the same seed', async () => {
    const runOnce = async (): Promise<number[]> => {
      const server = await startSimServer();
      server.route('GET', '/x', () => json(200, {}));
      server.faults.randomly({ probability: 0.3, seed: 99, faults: [{ kind: 'status', status: 503 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) statuses.push((await fetch(`${server.url}/x`)).status);
      await server.close();
      return statuses;
    };
    const first = await runOnce();
    const failed = first.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(18);
    expect(failed).toBeLessThan(42);
    expect(await runOnce()).toEqual(first);
  });

  it('throttles limited routes with 429 and Retry-After, and leaves unlimited ones alone', async () => {
    const limiter = createRateLimiter({ kind: 'token-bucket', ratePerSec: 1, burst: 2 });
    const server = await start({ limiter });
    server.route('GET', '/health', () => json(200, {}), { limited: false });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/echo`, { method: 'POST' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const throttled = server.requests[2];
    expect(throttled?.outcome).toEqual({ kind: 'throttled', status: 429 });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect([limiter.admitted, limiter.rejected]).toEqual([2, 1]);
  });
});
