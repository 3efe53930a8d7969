import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Where `pnpm --filter @ballast/admin build` writes the admin, seen from this file in the repository. */
const REPO_ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

/** Paths the admin never answers: the API and the operational endpoints keep their own 404s. */
const RESERVED = /^\/(api|healthz|readyz|metrics|webhooks)(\/|$)/;

/**
 * The admin's pages may only load what they ship with and talk to this server. Style attributes stay
 * allowed: the UI library positions popovers with them.
 */
const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface ServeAdminOptions {
  /** The built admin (`apps/admin/dist`); default env `BALLAST_ADMIN_DIR`, else the repository's build. */
  distDir?: string;
}

/**
 * Serves the built admin single-page app at `/`: its files (hashed assets cached for a year), and for any
 * other page path `index.html`, so a reload on `/stores/1/products` opens that page. `/api/...`,
 * `/healthz`, `/readyz`, `/metrics` and `/webhooks/...` are never answered here. Mount it from
 * `createApp`'s `extend`, after the other extensions.
 *
 * Without a build it answers page requests with 503 and how to build, so `ballast serve` from a fresh
 * clone explains itself instead of showing a bare 404.
 *
 * @example
 * createApp(deps, { extend: (app) => { registerMetrics(app); serveAdmin(app); } });
 */
export function serveAdmin(
  app: Hono<AppEnv>,
  options: ServeAdminOptions = {},
): { distDir: string; built: boolean } {
  const distDir = options.distDir ?? process.env.BALLAST_ADMIN_DIR ?? REPO_ADMIN_DIST;
  const indexFile = join(distDir, 'index.html');
  const built = existsSync(indexFile);

  const files = serveStatic<AppEnv>({ root: distDir });
  const page = (c: Context<AppEnv>) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Security-Policy', ADMIN_CSP);
    return c.html(readFileSync(indexFile, 'utf8'));
  };

  app.use('*', async (c, next) => {
    if (!isPageRequest(c)) return next();
    if (!built) return notBuilt(c, distDir);
    if (c.req.path === '/' || c.req.path === '/index.html') return page(c);
    const file = await files(c, async () => {});
    if (file) {
      // Vite names assets by content hash: a changed file is a new URL, so they never need revalidating.
      const immutable = c.req.path.startsWith('/assets/') && file.status < 300;
      file.headers.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return file;
    }
    // Not a file: a page of the single-page app (its router decides), unless it plainly asked for a file.
    if (acceptsHtml(c) && !/\.[a-z0-9]+$/i.test(c.req.path)) return page(c);
    return next();
  });

  return { distDir, built };
}

function isPageRequest(c: Context<AppEnv>): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && !RESERVED.test(c.req.path);
}

function acceptsHtml(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

function notBuilt(c: Context<AppEnv>, distDir: string): Response {
  if (!acceptsHtml(c)) return c.text('The admin is not built', 503);
  return c.html(
    '<!doctype html><title>Ballast</title><h1>The admin is not built yet</h1>' +
      `<p>No <code>${escapeHtml(join(distDir, 'index.html'))}</code>. Build it with ` +
      '<code>pnpm --filter @ballast/admin build</code> and restart, or set <code>BALLAST_ADMIN_DIR</code>.</p>' +
      '<p>The API is up: <a href="/api/v1/docs">/api/v1/docs</a>.</p>',
    503,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
