import { webhookConnector } from '@ballast/connector-webhook';
import { createStore, type DialectName, type Store } from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import type { AppEnv } from '../../src/app-env.ts';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import { migrateServer } from '../../src/db/server-migrations.ts';
import type { AppDeps } from '../../src/deps.ts';
import { createSecretBox } from '../../src/secrets/secret-box.ts';

export interface TestServer {
  t: TestDatabase;
  deps: AppDeps;
  app: Hono<AppEnv>;
  /** A store and an API token for it. */
  store: Store;
  token: string;
  /** A second store with its own token, for "other store" security tests. */
  otherStore: Store;
  otherToken: string;
  /** Sends a request; `token: null` sends none. JSON bodies are serialised. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The real app on a fresh database of the dialect, called in-process (no port needed). */
export async function createTestServer(
  dialect: DialectName,
  overrides: Partial<AppDeps> = {},
): Promise<TestServer> {
  const t = await createTestDatabase(dialect);
  await migrateServer(t.db);
  const deps: AppDeps = {
    db: t.db,
    dialect,
    connectors: new Map([[webhookConnector.id, webhookConnector]]),
    secrets: createSecretBox('test-secret-at-least-16-chars'),
    notifySync: () => {},
    ...overrides,
  };
  const app = createApp(deps, { logError: () => {} });
  const store = await createStore(t.db, { name: 'Main store' });
  const otherStore = await createStore(t.db, { name: 'Other store' });
  const { secret: token } = await createApiToken(t.db, store.id, 'tests');
  const { secret: otherToken } = await createApiToken(t.db, otherStore.id, 'other');
  return {
    t,
    deps,
    app,
    store,
    token,
    otherStore,
    otherToken,
    request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const bearer = options.token === undefined ? token : options.token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(app.request(`/api/v1${path}`, { method, headers, body }));
    },
    close: () => t.drop(),
  };
}
