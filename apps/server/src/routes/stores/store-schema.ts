import { z } from '@hono/zod-openapi';

export const storeSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    allowNegative: z
      .boolean()
      .openapi({ description: 'Whether stock may go below zero (see README, "Negative stock")' }),
    defaultLocationId: z.number().int(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('Store');
