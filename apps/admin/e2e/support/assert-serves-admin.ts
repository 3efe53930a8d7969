import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ADMIN_INDEX = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

/**
 * The server serves the built admin at `/` (apps/server/src/admin/serve-admin.ts). Checked once before the
 * browser starts, so a missing build fails with what to do rather than with a blank page.
 */
export async function assertServesAdmin(serverUrl: string): Promise<void> {
  if (!existsSync(ADMIN_INDEX)) {
    throw new Error('apps/admin/dist is missing: run `pnpm --filter @ballast/admin build` (test:e2e does)');
  }
  const page = await fetch(`${serverUrl}/`, { headers: { accept: 'text/html' } });
  const html = await page.text();
  if (!page.ok || !html.includes('<div id="app">')) {
    throw new Error(`${serverUrl}/ does not serve the admin (${page.status}): ${html.slice(0, 300)}`);
  }
}
