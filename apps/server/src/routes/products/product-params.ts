import { z } from '@hono/zod-openapi';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

export const productParamsSchema = storeParamsSchema.extend({
  productId: idSchema.openapi({ param: { name: 'productId', in: 'path' }, example: 7 }),
});

/** Query-string booleans: only the words, so `?autoSync=0` is an error rather than a silent `true`. */
export const queryBooleanSchema = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .openapi({ type: 'string', enum: ['true', 'false'] });
