// A sync worker in its own process, for crash and multi-worker tests. Configured by the environment:
// DATABASE_URL, CONNECTOR_CONFIG (JSON), WORKER_ID, LEASE_MS, PENDING_POLL_MS. Prints "ready" once running.
import { webhookConnector } from '@ballast/connector-webhook';
import { openDatabase } from '@ballast/core';
import { createSyncEngine } from '../../src/index.ts';
import { feedConnector } from './feed-channel/index.ts';

const { db } = await openDatabase(process.env.DATABASE_URL!, { poolSize: 3 });
const engine = createSyncEngine({
  db,
  connectors: [webhookConnector, feedConnector],
  resolveChannelConfig: () => ({ config: JSON.parse(process.env.CONNECTOR_CONFIG!) as unknown }),
  workerId: process.env.WORKER_ID!,
  leaseMs: Number(process.env.LEASE_MS ?? 30_000),
  backoff: { baseMs: 5, capMs: 50 },
  pollIntervalMs: 10,
  pendingPollIntervalMs: Number(process.env.PENDING_POLL_MS ?? 50),
});
engine.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void engine.stop().then(() => process.exit(0));
});
