import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/http/security-headers.ts';

// The same app answered two ways: by @hono/node-server on a real socket (headers go onto the outgoing message)
// and by `app.request` (hono's own middleware): both must carry the same security headers.
function buildApp() {
  const app = new Hono();
  app.use('*', securityHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.get('/json', (c) => c.json({ ok: true }));
  app.get('/framed', (c) => c.text('mine', 200, { 'X-Frame-Options': 'DENY' }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.json({ failed: true }, 500));
  return app;
}

const expected = {
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'referrer-policy': 'no-referrer',
};

describe('security headers', () => {
  let server: ReturnType<typeof serve>;
  let url: string;

  beforeAll(async () => {
    server = serve({ fetch: buildApp().fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const headersOf = (res: Response) => Object.fromEntries(res.headers);

  it('are sent by the Node server on every answer, with the body untouched', async () => {
    const res = await fetch(`${url}/json`);
    expect(headersOf(res)).toMatchObject({ ...expected, 'content-type': 'application/json' });
    expect(await res.json()).toEqual({ ok: true });
    expect(headersOf(await fetch(`${url}/boom`))).toMatchObject(expected);
    expect(headersOf(await fetch(`${url}/nowhere`))).toMatchObject(expected);
  });

  it('are the same through app.request, where the library middleware runs as is', async () => {
    const overSocket = headersOf(await fetch(`${url}/json`));
    const inProcess = headersOf(await buildApp().request('/json'));
    const security = (h: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(h).filter(([name]) => !/^(date|connection|keep-alive|content-length)$/.test(name)),
      );
    expect(security(overSocket)).toEqual(security(inProcess));
  });

  it('let a handler set its own value for one of them', async () => {
    for (const res of [await fetch(`${url}/framed`), await buildApp().request('/framed')]) {
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
