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
import { createSessionAuth, type SessionAuth, sessionDeps } from '../../src/auth/session-auth.ts';
import { addStoreMember, type StoreRole } from '../../src/auth/store-members.ts';
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
  tokenId: number;
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
  const { secret: token, token: mainToken } = await createApiToken(t.db, store.id, 'tests');
  const { secret: otherToken } = await createApiToken(t.db, otherStore.id, 'other');
  return {
    t,
    deps,
    app,
    store,
    token,
    tokenId: mainToken.id,
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

/** The origin the session test server trusts (its public URL). */
export const TEST_ORIGIN = 'http://localhost:8080';

export interface SessionTestServer extends TestServer {
  sessions: SessionAuth;
  /** Creates a user who acts for the given stores (as owner unless said otherwise). */
  createUser(
    email: string,
    password: string,
    stores: readonly (number | { storeId: number; role: StoreRole })[],
  ): Promise<{ id: string }>;
  /** Signs in through POST /auth/sign-in and returns the `Cookie` header value to send. */
  signIn(email: string, password: string): Promise<string>;
  /**
   * Like `request`, and with `cookie` sends that session cookie instead of the token, from TEST_ORIGIN
   * unless `headers.origin` says otherwise (`origin: null` sends none).
   */
  request(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      token?: string | null;
      cookie?: string;
      origin?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

/** The test server with merchant sessions on (better-auth on the same database), trusting TEST_ORIGIN. */
export async function createSessionTestServer(dialect: DialectName): Promise<SessionTestServer> {
  const base = await createTestServer(dialect);
  const sessions = createSessionAuth(base.t.db, dialect, {
    secret: 'test-secret-at-least-16-chars',
    publicUrl: TEST_ORIGIN,
    trustedOrigins: [TEST_ORIGIN],
    secureCookies: false,
    // In-process requests have no client address: they would all share one sign-in budget.
    rateLimit: false,
    logError: () => {},
  });
  const deps: AppDeps = { ...base.deps, ...sessionDeps(sessions) };
  const app = createApp(deps, { logError: () => {} });
  const request: SessionTestServer['request'] = (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.cookie !== undefined) {
      headers.cookie = options.cookie;
      const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
      if (origin !== null) headers.origin = origin;
    }
    const bearer = options.token === undefined ? (options.cookie ? null : base.token) : options.token;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    Object.assign(headers, options.headers);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(`/api/v1${path}`, { method, headers, body }));
  };
  return {
    ...base,
    deps,
    app,
    sessions,
    request,
    async createUser(email, password, stores) {
      const user = await sessions.createUser({ email, password });
      for (const entry of stores) {
        const { storeId, role } =
          typeof entry === 'number' ? { storeId: entry, role: 'owner' as const } : entry;
        await addStoreMember(base.t.db, user.id, storeId, role);
      }
      return user;
    },
    async signIn(email, password) {
      const res = await request('POST', '/auth/sign-in', {
        token: null,
        headers: { origin: TEST_ORIGIN },
        body: { email, password },
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return res.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; ');
    },
  };
}
