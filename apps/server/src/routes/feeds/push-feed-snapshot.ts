import { applyFeedSnapshot, parseFeedBody } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { payloadTooLargeResponse, uploadBodyLimit } from '../uploads/upload-body-limit.ts';
import {
  feedCsvSchema,
  feedParamsSchema,
  feedRunResultSchema,
  feedSnapshotBodySchema,
} from './feed-schema.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/** Core names the feed `feedId`, as the path does; everything else it names is in the body. */
const FEED_ID_IN_PATH = { path: { feedId: 'feedId' }, rest: 'body' } as const;

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/feeds/{feedId}/snapshots',
  tags: ['Feeds'],
  summary: 'Push a snapshot of absolute on hand to the feed',
  description:
    'JSON `{ "items": [{ "sku", "location"?, "onHand" }] }` or a `text/csv` body ' +
    '(`sku,quantity[,location]`). Unknown SKUs are reported in the run, never created. Invalid items ' +
    '(or CSV rows, with `row` and `column`) answer 422 and nothing is written.',
  middleware: [uploadBodyLimit],
  request: {
    params: feedParamsSchema,
    // Not `required`: the JSON validator would then also run on (and refuse) text/csv bodies.
    body: {
      description: 'The snapshot (required)',
      content: { ...jsonContent(feedSnapshotBodySchema), 'text/csv': { schema: feedCsvSchema } },
    },
  },
  responses: {
    200: { description: 'The applied run', content: jsonContent(feedRunResultSchema) },
    413: payloadTooLargeResponse,
    ...errorResponses,
  },
});

export function registerPushFeedSnapshot(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, feedId } = c.req.valid('param');
    const deps = c.get('deps');
    const store = storeIdOf(c, storeId);
    const contentType = c.req.header('content-type');
    // A JSON body was validated by the route (field paths like body.items[0].onHand); CSV is core's to read.
    const json = c.req.valid('json');
    const snapshot =
      JSON_TYPE.test(contentType ?? '') && typeof json === 'object'
        ? json
        : await fieldErrorsIn('body', async () =>
            parseFeedBody(contentType, new Uint8Array(await c.req.arrayBuffer())),
          );
    const run = await fieldErrorsIn(FEED_ID_IN_PATH, () =>
      applyFeedSnapshot(deps.db, store, feedId, { ...snapshot, ...operationOptions(c) }),
    );
    if (run.changed > 0) deps.notifySync();
    return c.json(run, 200);
  });
}
