import { z } from '@hono/zod-openapi';

export const productKindSchema = z.enum(['simple', 'kit', 'assembly']).openapi('ProductKind', {
  description:
    '`simple`: own stock; `kit`: virtual bundle whose balance comes from its components; `assembly`: own ' +
    'stock built by work orders',
});

export const productComponentSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    quantity: z.number().int().openapi({ description: 'Units of the component in one unit of the product' }),
  })
  .openapi('ProductComponent');

export const productSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    sku: z.string(),
    name: z.string(),
    kind: productKindSchema,
    autoSync: z.boolean().openapi({ description: 'Whether the product’s quantity is pushed to channels' }),
    components: z.array(productComponentSchema),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    updatedAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('Product');

const skuSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((sku) => !/[\r\n\t]/.test(sku), 'SKU cannot contain tabs or line breaks')
  .openapi({ example: 'MUG-RED' });

export const componentInputSchema = z
  .object({
    sku: skuSchema.openapi({ description: 'SKU of an existing product of the store' }),
    quantity: z.number().int().positive().max(1_000_000),
  })
  .strict()
  .openapi('ProductComponentInput');

export const productInputSchema = z
  .object({
    sku: skuSchema,
    name: z.string().trim().min(1).max(500).openapi({ example: 'Red mug' }),
    kind: productKindSchema.default('simple'),
    autoSync: z
      .boolean()
      .default(false)
      .openapi({ description: 'On: pushed to every active channel at once' }),
    components: z
      .array(componentInputSchema)
      .max(200)
      .default([])
      .openapi({ description: 'Kits and assemblies only: what one unit is made of, by SKU' }),
  })
  .strict()
  .openapi('ProductInput');

export const productUpdateSchema = z
  .object({
    sku: skuSchema.optional(),
    name: z.string().trim().min(1).max(500).optional(),
    components: z
      .array(componentInputSchema)
      .max(200)
      .optional()
      .openapi({ description: 'Replaces every component (kits and assemblies only)' }),
  })
  .strict()
  .openapi('ProductUpdate');
