import { z } from 'zod';

/**
 * The bench's Shopify-like wire format (GraphQL `inventorySetQuantities` over a cost-point leaky bucket),
 * shared by the bench connector and its simulator so they cannot drift apart.
 */

export const GRAPHQL_PATH = '/admin/api/2026-01/graphql.json';

/** Points a call costs: a fixed part plus one per item, as the simulator charges and the connector estimates. */
export interface CostRule {
  base: number;
  perItem: number;
}

export const costOf = (rule: CostRule, items: number): number => rule.base + rule.perItem * items;

export const setQuantitiesRequestSchema = z.object({
  operationName: z.literal('InventorySet'),
  idempotencyKey: z.string().min(1),
  variables: z.object({
    input: z.object({
      name: z.literal('available'),
      reason: z.string(),
      quantities: z
        .array(
          z.object({
            inventoryItemId: z.string(),
            locationId: z.string(),
            quantity: z.number().int(),
            changeFromQuantity: z.number().int().nullable(),
          }),
        )
        .min(1),
    }),
  }),
});
export type SetQuantitiesRequest = z.infer<typeof setQuantitiesRequestSchema>;

export const lookupRequestSchema = z.object({
  operationName: z.literal('InventoryItems'),
  variables: z.object({ skus: z.array(z.string()).min(1) }),
});

const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

/** `extensions.cost`, in every answer (throttled ones too). */
export const costExtensionSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable(),
  throttleStatus: throttleStatusSchema,
});
export type CostExtension = z.infer<typeof costExtensionSchema>;

const userErrorSchema = z.object({
  code: z.string(),
  field: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const graphqlResponseSchema = z.object({
  data: z
    .object({
      inventorySetQuantities: z.object({ userErrors: z.array(userErrorSchema) }).optional(),
      inventoryItems: z
        .object({ nodes: z.array(z.object({ id: z.string(), sku: z.string(), available: z.number() })) })
        .optional(),
    })
    .nullable()
    .optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.object({ code: z.string() }).optional() }))
    .optional(),
  extensions: z.object({ cost: costExtensionSchema }).optional(),
});
export type GraphqlResponse = z.infer<typeof graphqlResponseSchema>;

export const inventoryItemIdOf = (sku: string): string => `gid://shopify/InventoryItem/${sku}`;
