import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSalesOrder, getStore, openDatabase } from '@ballast/core';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { verifyApiToken } from '../src/auth/api-tokens.ts';
import { connectorRegistry } from '../src/connectors/installed-connectors.ts';
import { Metrics } from '../src/metrics/metrics.ts';
import { registerMetrics } from '../src/metrics/register-metrics.ts';
import { salesOrderCreateSchema } from '../src/routes/sales-orders/sales-order-schema.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { seedStore } from './support/seed-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'parts-'));
const url = `sqlite:${join(dir, 'b.db')}`;
const { storeId, token, skus } = await seedStore(url, { products: 1000, onHand: 1_000_000 });
const { db, dialect } = await openDatabase(url, { migrate: false });
const deps = {
  db,
  dialect,
  connectors: connectorRegistry(),
  secrets: createSecretBox('x'.repeat(20)),
  notifySync: () => {},
  metrics: new Metrics({ db }),
};
const app = createApp(deps, { logError: console.error, extend: (root) => registerMetrics(root) });
const bare = new Hono();
bare.post('/x/:id', async (c) => c.json(await c.req.json(), 201));
let n = 0;
const N = 2000;
const parts: Record<string, () => Promise<unknown>> = {
  'core createSalesOrder': () =>
    createSalesOrder(db, storeId, { number: `C-${n++}`, lines: [{ sku: skus[n % 1000]!, quantity: 1 }] }),
  'app POST sales-orders': async () =>
    (
      await app.request(`/api/v1/stores/${storeId}/sales-orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ number: `H-${n++}`, lines: [{ sku: skus[n % 1000], quantity: 1 }] }),
      })
    ).text(),
  'app GET store': async () =>
    (
      await app.request(`/api/v1/stores/${storeId}`, { headers: { authorization: `Bearer ${token}` } })
    ).text(),
  'core getStore': () => getStore(db, storeId),
  verifyApiToken: () => verifyApiToken(db, token),
  'zod body parse': async () =>
    salesOrderCreateSchema.parse({ number: `H-${n++}`, lines: [{ sku: skus[n % 1000], quantity: 1 }] }),
  'bare hono POST json': async () =>
    (
      await bare.request('/x/1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number: `H-${n++}`, lines: [{ sku: 'a', quantity: 1 }] }),
      })
    ).text(),
};
const best: Record<string, number> = {};
for (let round = 0; round < 5; round++) {
  for (const [name, fn] of Object.entries(parts)) {
    const t = performance.now();
    for (let i = 0; i < N; i++) await fn();
    const us = ((performance.now() - t) / N) * 1000;
    best[name] = Math.min(best[name] ?? Infinity, us);
  }
}
for (const [name, us] of Object.entries(best)) console.log(name.padEnd(24), us.toFixed(1), 'µs');
