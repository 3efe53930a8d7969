import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productSelectionSchema, toAutoSyncSelection } from './auto-sync-schema.ts';
import { previewAutoSyncOn } from './preview-auto-sync-on.ts';
import { previewSchema } from './preview-schema.ts';

const bodySchema = productSelectionSchema
  .safeExtend({
    limit: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(200)
      .openapi({ description: 'Most products to list rows for (the counts cover them all)' }),
  })
  .openapi('AutoSyncPreviewRequest');

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/products/auto-sync/preview',
  tags: ['Auto Sync'],
  summary: 'What turning Auto Sync on would overwrite on each channel (reads only, changes nothing)',
  request: { params: storeParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    200: { description: 'The quantities each channel would be sent', content: jsonContent(previewSchema) },
    ...errorResponses,
  },
});

export function registerPreviewAutoSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const { limit, ...selection } = c.req.valid('json');
    const preview = await fieldErrorsIn('body', () =>
      previewAutoSyncOn(c.get('deps').db, storeId, toAutoSyncSelection(selection), limit),
    );
    return c.json(preview, 200);
  });
}
