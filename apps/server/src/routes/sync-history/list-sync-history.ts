import { listSyncHistory } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { instantParamSchema } from '../shared/instant-param.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { syncHistoryFilterQuerySchema } from './sync-history-filter-query.ts';
import { syncHistoryEntrySchema } from './sync-history-schema.ts';

const querySchema = syncHistoryFilterQuerySchema.safeExtend({
  from: instantParamSchema.optional().openapi({ description: 'Inclusive: ISO 8601 or epoch ms' }),
  to: instantParamSchema.optional().openapi({ description: 'Exclusive: ISO 8601 or epoch ms' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Default 50' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
});

const pageSchema = z
  .object({
    items: z.array(syncHistoryEntrySchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for older entries' }),
  })
  .openapi('SyncHistoryPage');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sync-history',
  tags: ['Sync History'],
  summary:
    'Push attempts, newest first, filtered by product, channel, status, cause and time (keyset cursor)',
  request: { params: storeParamsSchema, query: querySchema },
  responses: { 200: { description: 'One page', content: jsonContent(pageSchema) }, ...errorResponses },
});

export function registerListSyncHistory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    const page = await fieldErrorsIn('query', () => listSyncHistory(c.get('deps').db, storeId, query));
    return c.json(page, 200);
  });
}
