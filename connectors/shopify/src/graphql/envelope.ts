import { z } from 'zod';

/** `extensions.cost.throttleStatus`: the app+shop cost bucket after this request. */
export const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});
export type ThrottleStatus = z.infer<typeof throttleStatusSchema>;

export const costExtensionSchema = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: throttleStatusSchema.optional(),
});
export type CostExtension = z.infer<typeof costExtensionSchema>;

export const graphqlErrorSchema = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.looseObject({ code: z.string().optional() }).optional(),
});
export type GraphqlError = z.infer<typeof graphqlErrorSchema>;

/**
 * Any GraphQL answer: `data` and/or `errors`, and the cost extension Shopify adds to every one (throttled
 * answers included). `data` is checked per operation by the caller.
 */
export const graphqlEnvelopeSchema = z
  .object({
    data: z.record(z.string(), z.unknown()).nullish(),
    errors: z.array(graphqlErrorSchema).optional(),
    extensions: z.looseObject({ cost: costExtensionSchema.optional() }).optional(),
  })
  .refine((body) => body.data != null || body.errors !== undefined, 'neither data nor errors');
export type GraphqlEnvelope = z.infer<typeof graphqlEnvelopeSchema>;
