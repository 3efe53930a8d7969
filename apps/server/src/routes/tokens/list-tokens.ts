import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { listApiTokenPage } from '../../auth/api-tokens.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { apiTokenSchema } from './token-schema.ts';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Default 50' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
});

const pageSchema = z
  .object({
    items: z.array(apiTokenSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for older tokens' }),
  })
  .openapi('ApiTokenPage');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/tokens',
  tags: ['API tokens'],
  summary: 'The store’s API tokens, newest first, revoked ones included (never their secrets)',
  request: { params: storeParamsSchema, query: querySchema },
  responses: { 200: { description: 'One page', content: jsonContent(pageSchema) }, ...errorResponses },
});

export function registerListTokens(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    return c.json(await listApiTokenPage(c.get('deps').db, storeId, c.req.valid('query')), 200);
  });
}
