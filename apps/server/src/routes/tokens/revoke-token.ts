import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { revokeApiToken } from '../../auth/api-tokens.ts';
import { assertUser } from '../../auth/authenticate.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses } from '../shared/responses.ts';
import { tokenParamsSchema } from './token-schema.ts';

const route = createRoute({
  method: 'delete',
  path: '/stores/{storeId}/tokens/{tokenId}',
  tags: ['API tokens'],
  summary: 'Revoke an API token (signed-in users only); it gets 401 from then on',
  request: { params: tokenParamsSchema },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses,
    404: { ...errorResponses[404], description: 'No live token with this id in the store' },
  },
});

export function registerRevokeToken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, tokenId } = c.req.valid('param');
    storeIdOf(c, storeId);
    assertUser(c.get('principal'), 'revoking an API token');
    await fieldErrorsIn('path', () => revokeApiToken(c.get('deps').db, storeId, tokenId));
    return c.body(null, 204);
  });
}
