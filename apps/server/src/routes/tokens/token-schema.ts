import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/params.ts';

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to tell tokens apart' }),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    lastUsedAt: z.number().int().nullable(),
    revokedAt: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Set once revoked; the token then gets 401' }),
  })
  .openapi('ApiToken');

export const tokenParamsSchema = z.object({
  storeId: idSchema.openapi({ param: { name: 'storeId', in: 'path' }, example: 1 }),
  tokenId: idSchema.openapi({ param: { name: 'tokenId', in: 'path' }, example: 3 }),
});
