import { bulkSetAutoSync } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import {
  autoSyncChangeSchema,
  enabledSchema,
  productSelectionSchema,
  toAutoSyncSelection,
} from './auto-sync-schema.ts';

const bodySchema = productSelectionSchema
  .safeExtend({ enabled: enabledSchema })
  .openapi('BulkAutoSync', { description: '`ids` or `filter`, and the new value' });

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/products/auto-sync',
  tags: ['Auto Sync'],
  summary: 'Turn Auto Sync on or off for many products: by ids, or every product matching a filter',
  request: { params: storeParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    200: { description: 'What changed', content: jsonContent(autoSyncChangeSchema) },
    ...errorResponses,
  },
});

export function registerBulkAutoSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const { enabled, ...selection } = c.req.valid('json');
    const deps = c.get('deps');
    const change = await fieldErrorsIn('body', () =>
      bulkSetAutoSync(deps.db, storeId, toAutoSyncSelection(selection), enabled, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(change, 200);
  });
}
