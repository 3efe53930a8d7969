import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@ballast/core';
import { createApp } from '../src/app.ts';
import { connectorRegistry } from '../src/connectors/installed-connectors.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { seedStore } from './support/seed-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'parts-'));
const url = `sqlite:${join(dir, 'b.db')}`;
const { storeId, token } = await seedStore(url, { products: 10, onHand: 1_000_000 });
const { db, dialect } = await openDatabase(url, { migrate: false });
const deps = {
  db,
  dialect,
  connectors: connectorRegistry(),
  secrets: createSecretBox('x'.repeat(20)),
  notifySync: () => {},
};
const app = createApp(deps, { logError: console.error });
for (let round = 0; round < 20; round++) {
  const t = performance.now();
  for (let i = 0; i < 2000; i++)
    await (
      await app.request(`/api/v1/stores/${storeId}`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
  if (round % 5 === 4) console.log(((performance.now() - t) / 2).toFixed(1), 'µs');
}
