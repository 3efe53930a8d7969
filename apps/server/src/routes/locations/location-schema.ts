import { z } from '@hono/zod-openapi';

export const locationSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    name: z.string(),
    isDefault: z.boolean().openapi({ description: 'Where stock goes when a request names no location' }),
  })
  .openapi('Location');

export const locationInputSchema = z
  .object({ name: z.string().trim().min(1).max(200).openapi({ example: 'Back room' }) })
  .strict()
  .openapi('LocationInput');
