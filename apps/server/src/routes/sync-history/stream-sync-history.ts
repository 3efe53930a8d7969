import { setTimeout as sleep } from 'node:timers/promises';
import { getSyncHistoryEntries } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../app-env.ts';
import { problem } from '../../http/problem.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses } from '../shared/responses.ts';
import { historyIdsAfter, latestHistoryId } from './new-history-ids.ts';
import { syncHistoryFilterQuerySchema } from './sync-history-filter-query.ts';

/** How often the table is polled for new entries. */
export const STREAM_POLL_MS = 1000;
/** Most entries sent per poll; a backlog is drained without waiting between batches. */
const BATCH = 100;
/** A comment line every this many idle polls keeps proxies from closing a quiet stream. */
const HEARTBEAT_EVERY = 15;

const headersSchema = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, 'expected the id of a Sync History entry')
    .optional()
    .openapi({ description: 'Resume after this entry (browsers send it when they reconnect)' }),
});

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sync-history/stream',
  tags: ['Sync History'],
  summary: 'New Sync History entries as they are written (Server-Sent Events)',
  description:
    'Sends `ready` once (data: `{"lastId"}`), then one `entry` event per new entry (data: a ' +
    'SyncHistoryEntry; id: the entry id), with the same filters as the list. Polls about once a second.',
  request: { params: storeParamsSchema, query: syncHistoryFilterQuerySchema, headers: headersSchema },
  responses: {
    200: {
      description: 'An event stream',
      content: { 'text/event-stream': { schema: z.string().openapi({ description: 'SSE events' }) } },
    },
    ...errorResponses,
  },
});

export function registerStreamSyncHistory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const filter = c.req.valid('query');
    const resumeAfter = c.req.valid('header')['last-event-id'];
    const db = c.get('deps').db;
    const stop = new AbortController();
    const requestSignal = c.req.raw.signal;

    return streamSSE(c, async (stream) => {
      // The client going away cancels the response body (stream abort) or the request; either ends the loop.
      stream.onAbort(() => stop.abort());
      requestSignal.addEventListener('abort', () => stop.abort(), { once: true });
      try {
        let lastId = resumeAfter !== undefined ? Number(resumeAfter) : await latestHistoryId(db, storeId);
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ lastId }) });
        let idle = 0;
        while (!stop.signal.aborted) {
          const ids = await historyIdsAfter(db, storeId, filter, lastId, BATCH);
          // Two queries per batch (the rows, their causes' names); an entry deleted with its product meanwhile
          // is left out.
          for (const entry of await getSyncHistoryEntries(db, storeId, ids)) {
            if (stop.signal.aborted) break;
            await stream.writeSSE({ event: 'entry', id: String(entry.id), data: JSON.stringify(entry) });
          }
          lastId = ids.at(-1) ?? lastId;
          if (ids.length === BATCH) continue;
          if (++idle % HEARTBEAT_EVERY === 0) await stream.write(': keep-alive\n\n');
          await sleep(STREAM_POLL_MS, undefined, { signal: stop.signal }).catch(() => {});
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        console.error(error);
        const body = problem(500, 'internal', 'the stream failed; reconnect to resume');
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body) });
      }
    });
  });
}
