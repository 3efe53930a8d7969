import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@ballast/core';
import { createSyncEngine, type SyncEvent } from '@ballast/sync-engine';
import { channelConfigResolver } from '../connectors/channel-config.ts';
import { installedConnectors } from '../connectors/installed-connectors.ts';
import { createSecretBox } from '../secrets/secret-box.ts';
import { createConsoleLogger } from '../start/console-logger.ts';
import type { FromSyncThread, SyncThreadData, ToSyncThread } from './sync-thread-protocol.ts';
import { listenForWakes } from './wake-signal.ts';

// The sync loop in a thread of its own (see startSyncThread): its own database connection, connectors and
// credentials; it reports its events in batches, answers the main thread's sweep and stop messages, and is
// woken through the shared wake signal.

/** Metrics need not be instant: one message per tenth of a second instead of one per push. */
const EVENT_FLUSH_MS = 100;
const MAX_QUEUED_EVENTS = 1000;

const port = parentPort!;
const data = workerData as SyncThreadData;
const send = (message: FromSyncThread) => port.postMessage(message);

const database = await openDatabase(data.databaseUrl, {
  migrate: false,
  ...(data.poolSize !== undefined && { poolSize: data.poolSize }),
  backgroundCheckpoints: data.backgroundCheckpoints === true,
  ...(data.writeLockRelease && { writeLockRelease: data.writeLockRelease }),
});
let events: SyncEvent[] = [];
const flushEvents = () => {
  if (events.length === 0) return;
  send({ type: 'events', events });
  events = [];
};
const flusher = setInterval(flushEvents, EVENT_FLUSH_MS);

const engine = createSyncEngine({
  db: database.db,
  connectors: installedConnectors,
  resolveChannelConfig: channelConfigResolver(createSecretBox(data.secret)),
  workerId: data.workerId,
  logger: createConsoleLogger(),
  onEvent: (event) => {
    events.push(event);
    if (events.length >= MAX_QUEUED_EVENTS) flushEvents();
  },
  ...data.settings,
});

const stopListening = listenForWakes(data.wakes, () => engine.wake(), data.settings.minWakeGapMs ?? 0);

port.on('message', (message: ToSyncThread) => {
  switch (message.type) {
    case 'start':
      engine.start();
      return;
    case 'sweep':
      engine.sweepDrift(message.channelId).then(
        (summary) => send({ type: 'swept', id: message.id, summary }),
        (error: unknown) => send({ type: 'sweepFailed', id: message.id, message: String(error) }),
      );
      return;
    case 'stop':
      void stop();
      return;
  }
});

async function stop(): Promise<void> {
  stopListening();
  await engine.stop();
  clearInterval(flusher);
  flushEvents();
  await database.close();
  send({ type: 'stopped' });
  port.close();
}

send({ type: 'ready' });
