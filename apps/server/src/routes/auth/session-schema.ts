import { z } from '@hono/zod-openapi';

export const sessionUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('SessionUser');

export const sessionStoreSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(['owner', 'member']),
  })
  .openapi('SessionStore');

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    stores: z.array(sessionStoreSchema).openapi({ description: 'The stores this user acts for' }),
    expiresAt: z
      .number()
      .int()
      .openapi({ description: 'Epoch milliseconds; the session slides forward while it is used' }),
  })
  .openapi('Session');

export type SessionView = z.infer<typeof sessionSchema>;
