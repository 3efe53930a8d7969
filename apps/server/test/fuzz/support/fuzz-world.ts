import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DialectName } from '@ballast/core';
import { createSyncEngine } from '@ballast/sync-engine';
import type { Hono } from 'hono';
import { createApp } from '../../../src/app.ts';
import type { AppEnv } from '../../../src/app-env.ts';
import { createSessionAuth, sessionDeps } from '../../../src/auth/session-auth.ts';
import { addStoreMember } from '../../../src/auth/store-members.ts';
import { channelConfigResolver } from '../../../src/connectors/channel-config.ts';
import { connectorRegistry, installedConnectors } from '../../../src/connectors/installed-connectors.ts';
import { startSimulatorChannel } from '../../support/simulator-channel.ts';
import { createTestServer, TEST_ORIGIN, type TestServer } from '../../support/test-server.ts';

export const FUZZ_PASSWORD = 'fuzz passphrase 0123';
export const FUZZ_EMAIL = 'fuzzer@example.com';

/** Ids and names that exist, so generated requests sometimes reach the code behind "not found". */
export interface IdPools {
  skus: string[];
  productIds: number[];
  channelIds: number[];
  locationIds: number[];
  salesOrderIds: number[];
  purchaseOrderIds: number[];
  workOrderIds: number[];
  /** Line ids of seeded sales and purchase orders. */
  lineIds: number[];
  feedIds: number[];
  /** Tokens the fuzz may revoke (never the ones it authenticates with). */
  tokenIds: number[];
  historyIds: number[];
  adjustmentIds: number[];
  /** Listings of the first channel (matched by SKU). */
  listingIds: number[];
}

/** A seeded app on one dialect and everything a fuzz request needs to authenticate and aim. */
export interface FuzzWorld {
  dialect: DialectName;
  server: TestServer;
  app: Hono<AppEnv>;
  storeId: number;
  otherStoreId: number;
  token: string;
  /** The id of `token`, which the run must not revoke. */
  tokenId: number;
  otherToken: string;
  revokedToken: string;
  /** The main user's session cookie (member of the main store). */
  cookie: string;
  /** Another session of the same user: the only one the fuzz sends to sign-out. */
  spareCookie: string;
  pools: IdPools;
  /** Connector config pointing at the running webhook simulator. */
  channelConfig: Record<string, unknown>;
  /** URLs feeds may pull: a CSV, a JSON body, garbage, a 404, and a closed port. */
  feedUrls: string[];
  /** Errors the app logged as 500s: each one is a finding. */
  loggedErrors: unknown[];
  /** What better-auth logged (refused origins): context for a failure, not a failure. */
  authLog: unknown[];
  close(): Promise<void>;
}

export async function createFuzzWorld(dialect: DialectName): Promise<FuzzWorld> {
  const server = await createTestServer(dialect, { connectors: connectorRegistry() });
  const { db } = server.t;
  const loggedErrors: unknown[] = [];
  const authLog: unknown[] = [];
  const sessions = createSessionAuth(db, dialect, {
    secret: 'test-secret-at-least-16-chars',
    publicUrl: TEST_ORIGIN,
    trustedOrigins: [TEST_ORIGIN],
    secureCookies: false,
    rateLimit: false,
    logError: (error) => authLog.push(error),
  });
  const app = createApp(
    { ...server.deps, ...sessionDeps(sessions) },
    { logError: (error) => loggedErrors.push(error) },
  );
  const { sim, config: channelConfig } = await startSimulatorChannel();
  const feedServer = await startFeedServer();
  const closedPort = await unusedPort();

  const storeId = server.store.id;
  const call = async (method: string, path: string, body?: unknown, auth: { cookie?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.cookie) Object.assign(headers, { cookie: auth.cookie, origin: TEST_ORIGIN });
    else headers.authorization = `Bearer ${server.token}`;
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`seeding: ${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as Record<string, unknown> & { id: number };
  };
  const at = (path: string) => `/stores/${storeId}${path}`;

  try {
    const user = await sessions.createUser({ email: FUZZ_EMAIL, password: FUZZ_PASSWORD });
    await addStoreMember(db, user.id, storeId, 'owner');
    const signIn = async () => {
      const res = await app.request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ email: FUZZ_EMAIL, password: FUZZ_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`seeding: sign-in answered ${res.status}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const cookie = await signIn();
    const spareCookie = await signIn();

    const pools: IdPools = {
      skus: [],
      productIds: [],
      channelIds: [],
      locationIds: [],
      salesOrderIds: [],
      purchaseOrderIds: [],
      workOrderIds: [],
      lineIds: [],
      feedIds: [],
      tokenIds: [],
      historyIds: [],
      adjustmentIds: [],
      listingIds: [],
    };
    const locations = (await call('GET', at('/locations'))).items as { id: number }[];
    pools.locationIds.push(
      ...locations.map((l) => l.id),
      (await call('POST', at('/locations'), { name: 'Annex' })).id,
    );

    const simple = Array.from({ length: 10 }, (_, i) => `FZ-${i}`);
    for (const [i, sku] of simple.entries()) {
      const product = await call('POST', at('/products'), { sku, name: `Fuzz ${i}`, autoSync: i % 2 === 0 });
      pools.productIds.push(product.id);
    }
    const composite = [
      { sku: 'FZ-KIT', kind: 'kit' },
      { sku: 'FZ-ASM', kind: 'assembly' },
    ];
    for (const { sku, kind } of composite) {
      const components = [
        { sku: 'FZ-0', quantity: 1 },
        { sku: 'FZ-1', quantity: 2 },
      ];
      pools.productIds.push((await call('POST', at('/products'), { sku, name: sku, kind, components })).id);
    }
    pools.skus.push(...simple, ...composite.map((c) => c.sku));
    const seeded = await call('POST', at('/adjustments'), {
      reason: 'fuzz seed',
      lines: simple.map((sku, i) => ({ sku, set: 100 + i })),
    });
    pools.adjustmentIds.push(seeded.id as number);
    sim.seed(pools.skus.map((sku) => ({ sku, quantity: 0 })));

    for (const name of ['Fuzz shop', 'Fuzz outlet']) {
      pools.channelIds.push(
        (await call('POST', at('/channels'), { connectorId: 'webhook', name, config: channelConfig })).id,
      );
    }
    await call('POST', at(`/channels/${pools.channelIds[0]}/match-listings`), {});
    const listings = (await call('GET', at(`/channels/${pools.channelIds[0]}/listings?limit=200`))).items as {
      id: number;
    }[];
    pools.listingIds.push(...listings.map((l) => l.id));
    // One round of pushes, so Sync History has entries to read.
    await createSyncEngine({
      db,
      connectors: installedConnectors,
      resolveChannelConfig: channelConfigResolver(server.deps.secrets),
    }).drain();
    const history = (await call('GET', at('/sync-history?limit=20'))).items as { id: number }[];
    pools.historyIds.push(...history.map((h) => h.id));

    for (let i = 0; i < 4; i++) {
      const order = await call('POST', at('/sales-orders'), {
        number: `FZ-SO-${i}`,
        lines: [
          { sku: `FZ-${i}`, quantity: 2 },
          { sku: 'FZ-KIT', quantity: 1 },
        ],
      });
      pools.salesOrderIds.push(order.id);
      pools.lineIds.push(...(order.lines as { id: number }[]).map((l) => l.id));
    }
    await call('POST', at(`/sales-orders/${pools.salesOrderIds[0]}/ship`), {});
    await call('POST', at(`/sales-orders/${pools.salesOrderIds[1]}/cancel`));
    for (let i = 0; i < 3; i++) {
      const order = await call('POST', at('/purchase-orders'), {
        number: `FZ-PO-${i}`,
        supplier: 'Fuzz supplies',
        lines: [{ sku: `FZ-${i + 4}`, quantity: 10 }],
      });
      pools.purchaseOrderIds.push(order.id);
      pools.lineIds.push(...(order.lines as { id: number }[]).map((l) => l.id));
    }
    for (let i = 0; i < 2; i++) {
      pools.workOrderIds.push(
        (await call('POST', at('/work-orders'), { number: `FZ-WO-${i}`, sku: 'FZ-ASM', quantity: 1 })).id,
      );
    }
    pools.feedIds.push(
      (await call('POST', at('/feeds'), { name: 'Pulled', url: `${feedServer.url}/stock.csv` })).id,
      (await call('POST', at('/feeds'), { name: 'Pushed' })).id,
    );
    for (const name of ['spare-1', 'spare-2']) {
      const created = await call('POST', at('/tokens'), { name }, { cookie });
      pools.tokenIds.push((created.token as { id: number }).id);
    }
    const revoke = await call('POST', at('/tokens'), { name: 'revoked' }, { cookie });
    await call('DELETE', at(`/tokens/${(revoke.token as { id: number }).id}`), undefined, { cookie });

    // The other store has a product too, so cross-store ids exist.
    await app.request(`/api/v1/stores/${server.otherStore.id}/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.otherToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'OTHER-1', name: 'Other store product' }),
    });

    return {
      dialect,
      server,
      app,
      storeId,
      otherStoreId: server.otherStore.id,
      token: server.token,
      tokenId: server.tokenId,
      otherToken: server.otherToken,
      revokedToken: revoke.secret as string,
      cookie,
      spareCookie,
      pools,
      channelConfig,
      feedUrls: [
        `${feedServer.url}/stock.csv`,
        `${feedServer.url}/stock.json`,
        `${feedServer.url}/garbage`,
        `${feedServer.url}/missing`,
        `http://127.0.0.1:${closedPort}/stock.csv`,
      ],
      loggedErrors,
      authLog,
      async close() {
        await Promise.allSettled([sim.close(), feedServer.close()]);
        await server.close();
      },
    };
  } catch (error) {
    await Promise.allSettled([sim.close(), feedServer.close(), server.close()]);
    throw error;
  }
}

/** A local "warehouse export" for feeds to pull: CSV, JSON, garbage bytes, and a 404. */
async function startFeedServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    switch (req.url) {
      case '/stock.csv':
        res.writeHead(200, { 'content-type': 'text/csv' }).end('sku,quantity\nFZ-0,5\nFZ-1,7\nNOPE,1\n');
        return;
      case '/stock.json':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ items: [{ sku: 'FZ-2', onHand: 3 }] }));
        return;
      case '/garbage':
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.from([0, 255, 10, 34, 44]));
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released), for "connection refused". */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
