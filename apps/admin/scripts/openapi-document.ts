import { openDatabase } from '@ballast/core';
import { createApp } from '@ballast/server';

/**
 * The server's OpenAPI document. From `BALLAST_OPENAPI_URL` when set (a running server), else from the real
 * app built in-process on an empty in-memory database: the document depends on the routes, never on data.
 */
export async function loadOpenApiDocument(): Promise<Record<string, unknown>> {
  const url = process.env.BALLAST_OPENAPI_URL;
  if (url) return readJson(await fetch(url));
  const { db, dialect, close } = await openDatabase(':memory:', { migrate: false });
  try {
    const app = createApp({
      db,
      dialect,
      connectors: new Map(),
      secrets: { seal: (text) => text, open: (text) => text },
      notifySync: () => {},
    });
    return readJson(await app.request('/api/v1/openapi.json'));
  } finally {
    await close();
  }
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`GET openapi.json answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
