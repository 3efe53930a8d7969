import { z } from 'zod';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';

export const skuSchema = z
  .string()
  .trim()
  .min(1, 'SKU is required')
  .max(255)
  .refine((sku) => !/[\r\n\t]/.test(sku), 'SKU cannot contain tabs or line breaks')
  .refine(hasNoNul, NO_NUL_MESSAGE);

export const componentInputSchema = z.object({
  sku: skuSchema,
  quantity: z.number().int().positive(),
});

export const productKindSchema = z.enum(['simple', 'kit', 'assembly']);

export const productInputSchema = z
  .object({
    sku: skuSchema,
    name: z.string().trim().min(1).max(500).refine(hasNoNul, NO_NUL_MESSAGE),
    kind: productKindSchema.default('simple'),
    autoSync: z.boolean().default(false),
    components: z.array(componentInputSchema).max(200).default([]),
  })
  .superRefine(checkComponentsFitKind);

export const productUpdateSchema = z
  .object({
    sku: skuSchema.optional(),
    name: z.string().trim().min(1).max(500).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
    components: z.array(componentInputSchema).max(200).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.components) checkDistinctComponents(value.components, ctx);
  });

export type ProductInput = z.input<typeof productInputSchema>;
export type ProductUpdate = z.input<typeof productUpdateSchema>;

function checkComponentsFitKind(
  value: { kind: string; components: { sku: string }[] },
  ctx: z.RefinementCtx,
): void {
  if (value.kind === 'simple' && value.components.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['components'], message: 'a simple product has no components' });
  }
  if (value.kind === 'kit' && value.components.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['components'], message: 'a kit needs at least one component' });
  }
  checkDistinctComponents(value.components, ctx);
}

/** A component SKU may appear once (the components table holds one row per parent and component). */
function checkDistinctComponents(components: { sku: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (seen.has(c.sku))
      ctx.addIssue({ code: 'custom', path: ['components', i, 'sku'], message: 'listed twice' });
    seen.add(c.sku);
  });
}
