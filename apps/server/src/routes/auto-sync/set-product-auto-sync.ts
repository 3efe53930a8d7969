import { setAutoSync } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { productParamsSchema } from '../products/product-params.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { autoSyncChangeSchema, enabledSchema } from './auto-sync-schema.ts';

const bodySchema = z.object({ enabled: enabledSchema }).strict().openapi('AutoSyncSetting');

const route = createRoute({
  method: 'put',
  path: '/stores/{storeId}/products/{productId}/auto-sync',
  tags: ['Auto Sync'],
  summary: 'Turn a product’s Auto Sync on (pushes to every active channel at once) or off',
  request: { params: productParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    200: { description: 'What changed', content: jsonContent(autoSyncChangeSchema) },
    ...errorResponses,
  },
});

export function registerSetProductAutoSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, productId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    const { enabled } = c.req.valid('json');
    const deps = c.get('deps');
    const change = await fieldErrorsIn('path', () =>
      setAutoSync(deps.db, storeId, productId, enabled, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(change, 200);
  });
}
