import { z } from '@hono/zod-openapi';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

export const channelParamsSchema = storeParamsSchema.extend({
  channelId: idSchema.openapi({ param: { name: 'channelId', in: 'path' }, example: 3 }),
});

/** Keyset paging: `limit` rows after `cursor` (the `nextCursor` of the previous page). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  cursor: z.string().max(200).optional().openapi({ description: 'The previous page’s `nextCursor`' }),
});

export const listingParamsSchema = channelParamsSchema.extend({
  listingId: idSchema.openapi({ param: { name: 'listingId', in: 'path' }, example: 12 }),
});
