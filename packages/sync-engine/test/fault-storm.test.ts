import { adjustStock, listSyncHistory } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForConvergence } from './support/convergence.ts';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`fault storm [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    it('with 30% of calls failing in every transient way, everything converges and history shows each failure', async () => {
      f = await createSyncFixture(dialect, { products: 40, batchSize: 2 });
      f.config.timeoutMs = 300;
      const faults = [
        { kind: 'status', status: 503 },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 429, retryAfter: '0' },
        { kind: 'hang' },
        { kind: 'reset' },
        { kind: 'malformed-json' },
        { kind: 'partial', ratio: 0.5, retryable: true },
      ] as const;
      // Each kind plays once for certain (a partial failure of every item, so it shows whatever the batch holds),
      // then 30 % of all calls fail with a random one of them.
      for (const fault of faults) {
        const certain = fault.kind === 'partial' ? { ...fault, ratio: 1 } : fault;
        f.sim.server.faults.next(certain, { method: 'POST' });
      }
      f.sim.server.faults.randomly({ probability: 0.3, seed: 42, match: { method: 'POST' }, faults });
      const engine = f.engine({ maxAttempts: 100 });
      engine.start();
      for (let i = 0; i < 150; i++) {
        await adjustStock(f.db, f.store.id, {
          reason: 'storm',
          lines: [{ sku: `SKU-${1 + (i % 40)}`, delta: i % 2 === 0 ? -1 : 3 }],
        });
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 40));
      }
      await waitForConvergence(f, 90_000);
      await engine.stop();

      const retried = await f.db
        .selectFrom('syncHistory')
        .select('errorCode')
        .where('status', '=', 'retrying')
        .execute();
      const codes = new Set(retried.map((h) => h.errorCode));
      for (const code of [
        'http_503',
        'http_500',
        'throttled',
        'timeout',
        'network',
        'malformed_body',
        'injected',
      ]) {
        expect(codes, `history shows ${code}`).toContain(code);
      }
      const failed = await listSyncHistory(f.db, f.store.id, { status: ['failed'] });
      expect(failed.items).toEqual([]);
    }, 150_000);
  });
}
