import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAdmin } from '../src/admin/serve-admin.ts';
import { createApp } from '../src/app.ts';
import { createTestServer, expectProblem, type TestServer } from './support/test-server.ts';

// Static serving touches no database: SQLite is enough to build the real app around it.
const INDEX =
  '<!doctype html><title>Ballast</title><div id="app"></div><script type="module" src="/assets/app-1a2b.js"></script>';
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the admin', () => {
  let s: TestServer;
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    s = await createTestServer('sqlite');
    dist = mkdtempSync(join(tmpdir(), 'ballast-admin-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log("admin")');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = createApp(s.deps, {
      logError: () => {},
      extend: (root) => void serveAdmin(root, { distDir: dist }),
    });
  });
  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await s.close();
  });

  describe('happy', () => {
    it('serves index.html at / with a content security policy, never cached stale', async () => {
      const res = await app.request('/', { headers: html });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('answers any page path of the single-page app with index.html (a reload keeps the page)', async () => {
      for (const path of ['/ecommerce', '/stores/1/products', '/stores/1/sync-history', '/login']) {
        const res = await app.request(path, { headers: html });
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(await res.text()).toBe(INDEX);
      }
    });

    it('serves hashed assets as immutable and other files revalidated', async () => {
      const asset = await app.request('/assets/app-1a2b.js');
      expect(asset.status).toBe(200);
      expect(await asset.text()).toBe('console.log("admin")');
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const icon = await app.request('/favicon.svg');
      expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(icon.headers.get('cache-control')).toBe('no-cache');
    });
  });

  describe('error', () => {
    it('does not answer a missing file with the page (a stale asset URL is a 404, not HTML)', async () => {
      const res = await app.request('/assets/gone-9z.js', { headers: html });
      await expectProblem(res, 404);
    });

    it('answers nothing but GET and HEAD', async () => {
      const res = await app.request('/stores/1/products', { method: 'POST', headers: html });
      await expectProblem(res, 404);
    });

    it('explains how to build when there is no build, and the API still answers', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'ballast-admin-none-'));
      try {
        const bare = createApp(s.deps, {
          logError: () => {},
          extend: (root) => void serveAdmin(root, { distDir: empty }),
        });
        const res = await bare.request('/', { headers: html });
        expect(res.status).toBe(503);
        expect(await res.text()).toContain('pnpm --filter @ballast/admin build');
        expect((await bare.request('/healthz')).status).toBe(200);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  describe('security', () => {
    it('leaves the API, health and metrics paths to their own handlers (no HTML 200 for a missing route)', async () => {
      for (const path of ['/api/v1/no-such-route', '/api/v1/stores', '/api', '/metrics/x']) {
        const res = await app.request(path, { headers: html });
        expect({ path, type: res.headers.get('content-type') }).toEqual({
          path,
          type: 'application/problem+json',
        });
      }
      expect(await (await app.request('/healthz', { headers: html })).json()).toEqual({ status: 'ok' });
      const webhook = await app.request('/webhooks/nope', { headers: html });
      expect(webhook.headers.get('content-type')).toBe('application/problem+json');
    });

    it('never serves a file outside the build folder', async () => {
      writeFileSync(join(dist, '..', 'ballast-secret.txt'), 'TOP-SECRET-CONTENT');
      try {
        for (const path of [
          '/../ballast-secret.txt',
          '/%2e%2e/ballast-secret.txt',
          '/assets/..%2f..%2fballast-secret.txt',
        ]) {
          const res = await app.request(path, { headers: { accept: '*/*' } });
          expect(await res.text()).not.toContain('TOP-SECRET-CONTENT');
        }
      } finally {
        rmSync(join(dist, '..', 'ballast-secret.txt'), { force: true });
      }
    });
  });
});
