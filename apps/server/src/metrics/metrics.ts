import type { Db } from '@ballast/core';
import type { SyncEvent } from '@ballast/sync-engine';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /** Read at scrape time for the queue depth. */
  db: Db;
  /** Also export Node's process metrics (CPU, memory, event loop lag); default true. */
  processMetrics?: boolean;
}

/**
 * The process's Prometheus metrics, in a registry of its own (tests and several apps in one process never
 * collide). Feed the sync engine's events in with `onSyncEvent` and HTTP timings with `observeHttpRequest`;
 * `registerMetrics` serves them.
 *
 * @example
 * const metrics = new Metrics({ db });
 * const engine = createSyncEngine({ ...options, onEvent: metrics.onSyncEvent });
 * const app = createApp({ ...deps, metrics }, { extend: (app) => registerMetrics(app) });
 */
export class Metrics {
  readonly registry = new Registry();
  readonly syncPushes: Counter<'channel' | 'connector' | 'status'>;
  readonly syncPushLatency: Histogram<'connector'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(options: MetricsOptions) {
    const { db } = options;
    const registers = [this.registry];
    new Gauge({
      name: 'ballast_sync_queue_depth',
      help: 'Pushes owed: (product, channel) pairs marked dirty and not yet pushed, per channel',
      labelNames: ['channel', 'connector'] as const,
      registers,
      // Computed on scrape from sync_dirty, so every process reports the shared queue, workers or not.
      async collect() {
        const rows = await db
          .selectFrom('channels as c')
          .leftJoin('syncDirty as d', 'd.channelId', 'c.id')
          .select((eb) => ['c.id', 'c.connectorId', eb.fn.count<number>('d.productId').as('depth')])
          .where('c.status', '<>', 'disconnected')
          .groupBy(['c.id', 'c.connectorId'])
          .execute();
        this.reset();
        for (const row of rows)
          this.set({ channel: String(row.id), connector: row.connectorId }, Number(row.depth));
      },
    });
    this.syncPushes = new Counter({
      name: 'ballast_sync_pushes_total',
      help: 'Finished push attempts, per channel and outcome',
      labelNames: ['channel', 'connector', 'status'] as const,
      registers,
    });
    this.syncPushLatency = new Histogram({
      name: 'ballast_sync_push_latency_seconds',
      help: 'From the first unpushed change to the channel confirming the new quantity',
      labelNames: ['connector'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    this.httpRequestDuration = new Histogram({
      name: 'ballast_http_request_duration_seconds',
      help: 'HTTP requests by route pattern and status, until the response headers are ready',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** The sync engine's `onEvent`: one finished attempt. Bound, so it can be passed as is. */
  readonly onSyncEvent = (event: SyncEvent): void => {
    const channel = String(event.channelId);
    this.syncPushes.inc({ channel, connector: event.connectorId, status: event.status });
    // Only a confirmed write has a "change to channel ack" time; failures and skips never reached the channel.
    if (event.status === 'succeeded') {
      this.syncPushLatency.observe({ connector: event.connectorId }, Math.max(0, event.latencyMs) / 1000);
    }
  };

  observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequestDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** The exposition text (queue depth is read from the database now). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
