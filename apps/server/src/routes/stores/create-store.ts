import { createStore } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { assertUser } from '../../auth/authenticate.ts';
import { addStoreMember } from '../../auth/store-members.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { storeSchema } from './store-schema.ts';

const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: 'Main shop' }),
    allowNegative: z.boolean().optional().openapi({ description: 'Default false' }),
    defaultLocationName: z.string().trim().min(1).max(200).optional().openapi({ example: 'Main warehouse' }),
  })
  .strict()
  .openapi('NewStore');

const route = createRoute({
  method: 'post',
  path: '/stores',
  tags: ['Stores'],
  summary: 'Create a store; the signed-in user becomes its owner (API tokens get 403)',
  request: { body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    201: { description: 'The new store', content: jsonContent(storeSchema) },
    401: errorResponses[401],
    403: { ...errorResponses[403], description: 'Called with an API token' },
    422: errorResponses[422],
  },
});

export function registerCreateStore(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    assertUser(principal, 'creating a store');
    const db = c.get('deps').db;
    const input = c.req.valid('json');
    const store = await fieldErrorsIn('body', () => createStore(db, input));
    await addStoreMember(db, principal.userId, store.id, 'owner');
    return c.json(store, 201);
  });
}
