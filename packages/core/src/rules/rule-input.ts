import { z } from 'zod';

/** Rule knobs are integers that fit PostgreSQL's 32-bit integer columns. */
const count = z.number().int().nonnegative().max(2_147_483_647);

/**
 * A sync rule as written. Fields left out (or null) take the neutral default when this rule wins; they are
 * not inherited from a less specific rule.
 *
 * percent is capped at 100 on purpose: the master's promise is that a channel is never offered more than is
 * available, and an over-selling percentage would break it (over-selling belongs to back-orders, not rules).
 */
export const ruleInputSchema = z.object({
  scope: z.enum(['store', 'channel', 'product', 'listing']),
  scopeId: z.number().int().positive(),
  buffer: count.nullable().optional(),
  percent: z.number().int().min(0).max(100).nullable().optional(),
  maxQuantity: count.nullable().optional(),
  endWhen: count.nullable().optional(),
});

export const ruleTargetSchema = ruleInputSchema.pick({ scope: true, scopeId: true });

export type RuleInput = z.input<typeof ruleInputSchema>;
export type RuleTarget = z.input<typeof ruleTargetSchema>;
