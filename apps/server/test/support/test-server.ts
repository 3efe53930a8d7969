import { webhookConnector } from '@ballast/connector-webhook';
import {
  adjustStock,
  createProduct,
  createStore,
  type DialectName,
  getProductBalance,
  getProductBySku,
  type Store,
} from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { AppEnv } from '../../src/app-env.ts';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import { migrateServer } from '../../src/db/server-migrations.ts';
import type { AppDeps } from '../../src/deps.ts';
import type { Problem } from '../../src/http/problem.ts';
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

/** Creates simple products with the given on hand at the store's default location. */
export async function seedStock(
  s: TestServer,
  onHand: Record<string, number>,
  storeId: number = s.store.id,
): Promise<void> {
  for (const [sku, quantity] of Object.entries(onHand)) {
    await createProduct(s.t.db, storeId, { sku, name: sku });
    if (quantity !== 0)
      await adjustStock(s.t.db, storeId, { reason: 'test seed', lines: [{ sku, set: quantity }] });
  }
}

/** A product's totals over all locations, read through core. */
export async function stockOf(
  s: TestServer,
  sku: string,
  storeId: number = s.store.id,
): Promise<{
  onHand: number | null;
  committed: number | null;
  incoming: number | null;
  available: number | null;
}> {
  const product = await getProductBySku(s.t.db, storeId, sku);
  const { onHand, committed, incoming, available } = await getProductBalance(s.t.db, storeId, product.id);
  return { onHand, committed, incoming, available };
}

/** Asserts a problem+json answer of the status (showing the body when it is not) and returns the body. */
export async function expectProblem(res: Response, status: number): Promise<Problem> {
  const body = (await res.json()) as Problem;
  expect({ status: res.status, contentType: res.headers.get('content-type'), body }).toMatchObject({
    status,
    contentType: 'application/problem+json',
  });
  return body;
}

/** Store-scoped tables that tests count to show a refused request wrote nothing. */
export type CountedTable =
  | 'movements'
  | 'salesOrders'
  | 'purchaseOrders'
  | 'workOrders'
  | 'adjustments'
  | 'uploads'
  | 'feeds'
  | 'feedRuns';

export async function rowCount(
  s: TestServer,
  table: CountedTable,
  storeId: number = s.store.id,
): Promise<number> {
  const row = await s.t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('storeId', '=', storeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
