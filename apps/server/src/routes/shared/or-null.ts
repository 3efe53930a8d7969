import { z } from '@hono/zod-openapi';

/**
 * A field that is the schema or null. Use it instead of `.nullable()` on a schema registered with
 * `.openapi('Name')`: zod-to-openapi writes that as a bare `$ref` and may mark the shared component itself
 * nullable; a union comes out as `anyOf: [{ $ref }, { type: 'null' }]`, null on the field only.
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.null()]);
}
