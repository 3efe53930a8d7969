// A sync worker in its own process pushing to the bench's cost-bucket channel. Configured by the environment:
// DATABASE_URL, CONNECTOR_CONFIG (JSON), WORKER_ID. Prints "ready" once running; SIGTERM stops it cleanly.
import { openDatabase } from '@ballast/core';
import { createSyncEngine } from '../../src/index.ts';
import { costBucketConnector } from './cost-bucket-connector.ts';

const { db, close } = await openDatabase(process.env.DATABASE_URL!, { poolSize: 3 });
const engine = createSyncEngine({
  db,
  connectors: [costBucketConnector],
  resolveChannelConfig: () => ({ config: JSON.parse(process.env.CONNECTOR_CONFIG!) as unknown }),
  workerId: process.env.WORKER_ID!,
});
engine.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void engine
    .stop()
    .then(close)
    .then(() => process.exit(0));
});
