import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const ADMIN_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AdminOrigin {
  url: string;
  /** `server`: the server serves the built admin itself (production); `preview`: see below. */
  mode: 'server' | 'preview';
  close(): Promise<void>;
}

/**
 * Where the browser opens the admin. Normally the server itself (it serves `apps/admin/dist` at `/`). When
 * the server this checkout runs does not (yet) mount the admin, Vite's preview server serves the same build
 * and forwards `/api` to the real server, so the tests still drive the real API.
 */
export async function adminOrigin(serverUrl: string, previewPort: number): Promise<AdminOrigin> {
  if (!existsSync(new URL('dist/index.html', `file://${ADMIN_ROOT}`))) {
    throw new Error('apps/admin/dist is missing: run `pnpm --filter @ballast/admin build` first');
  }
  const page = await fetch(`${serverUrl}/`, { headers: { accept: 'text/html' } });
  if (page.ok && (await page.text()).includes('<div id="app">')) {
    return { url: serverUrl, mode: 'server', close: async () => {} };
  }
  console.warn(
    `[e2e] ${serverUrl}/ does not serve the admin; using Vite preview on :${previewPort} with /api forwarded ` +
      'to the server. Mount it with serveAdmin() (apps/server/src/admin/serve-admin.ts) in createApp’s extend.',
  );
  const server = await preview({
    root: ADMIN_ROOT,
    configFile: false,
    logLevel: 'warn',
    preview: {
      host: '127.0.0.1',
      port: previewPort,
      strictPort: true,
      proxy: { '/api': { target: serverUrl, changeOrigin: false } },
    },
  });
  return {
    url: `http://127.0.0.1:${previewPort}`,
    mode: 'preview',
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
