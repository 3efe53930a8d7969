import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { createApiToken } from '../../auth/api-tokens.ts';
import { assertUser } from '../../auth/authenticate.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { apiTokenSchema } from './token-schema.ts';

const bodySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      // PostgreSQL refuses NUL in text: a field error, not a 500.
      .refine((name) => !name.includes('\u0000'), 'cannot contain NUL characters')
      .openapi({ example: 'warehouse scanner' }),
  })
  .strict()
  .openapi('NewApiToken');

const createdSchema = z
  .object({
    token: apiTokenSchema,
    secret: z.string().openapi({
      description: 'Send as `Authorization: Bearer <secret>`. Shown this once: only its hash is stored.',
      example: 'blst_Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbg',
    }),
  })
  .openapi('CreatedApiToken');

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/tokens',
  tags: ['API tokens'],
  summary: 'Create an API token for the store (signed-in users only)',
  description:
    'An API token cannot create or revoke tokens, so a leaked one cannot outlive its revocation. ' +
    'Idempotency-Key is refused here: replaying the answer would mean keeping the secret, which is only ' +
    'ever stored hashed. If a response is lost, revoke the token it created (it is in the list).',
  request: { params: storeParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    201: { description: 'The token and its secret', content: jsonContent(createdSchema) },
    ...errorResponses,
  },
});

export function registerCreateToken(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    assertUser(c.get('principal'), 'creating an API token');
    if (c.req.header('idempotency-key') !== undefined) {
      throw new HttpProblem(
        problem(422, 'validation', 'Idempotency-Key is not accepted when creating a token', [
          { field: 'header.idempotency-key', reason: 'the answer holds a secret that is never stored' },
        ]),
      );
    }
    const { token, secret } = await createApiToken(c.get('deps').db, storeId, c.req.valid('json').name);
    c.header('cache-control', 'no-store');
    return c.json({ token, secret }, 201);
  });
}
