import { getSyncHistoryEntry } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { idSchema, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { syncHistoryEntrySchema } from './sync-history-schema.ts';

const paramsSchema = storeParamsSchema.extend({
  entryId: idSchema.openapi({ param: { name: 'entryId', in: 'path' }, example: 42 }),
});

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sync-history/{entryId}',
  tags: ['Sync History'],
  summary: 'One push attempt with the explanation of the quantity sent',
  request: { params: paramsSchema },
  responses: {
    200: { description: 'The entry', content: jsonContent(syncHistoryEntrySchema) },
    ...errorResponses,
  },
});

export function registerGetSyncHistoryEntry(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, entryId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    // Core names the entry `id`; the path calls it `entryId`.
    const entry = await fieldErrorsIn({ path: { id: 'entryId' } }, () =>
      getSyncHistoryEntry(c.get('deps').db, storeId, entryId),
    );
    return c.json(entry, 200);
  });
}
