import { z } from 'zod';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';

/** Store-scoped row ids as given by callers: positive integers. */
const idSchema = z.number().int().positive();

/**
 * A channel's locations: a non-empty list of the store's location ids, or null for "every location,
 * including ones added later". An empty list is refused: a channel counting no stock would always show 0.
 */
export const channelLocationIdsSchema = z
  .array(idSchema)
  .min(1, 'give at least one location, or null for all locations')
  .max(1000)
  .superRefine((ids, ctx) => {
    const seen = new Set<number>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'listed twice' });
      seen.add(id);
    });
  })
  .nullable();

export const channelStatusSchema = z.enum(['active', 'paused', 'disconnected']);

export const channelInputSchema = z.object({
  connectorId: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE),
  configCiphertext: z.string().max(1_000_000).nullable().optional(),
  /** Omitted or null = all locations. */
  locationIds: channelLocationIdsSchema.optional(),
});

export const channelUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  status: channelStatusSchema.optional(),
  /** null = all locations; a list = only those. */
  locationIds: channelLocationIdsSchema.optional(),
  /** Rotated credentials; core stores the ciphertext and never reads it. */
  configCiphertext: z.string().max(1_000_000).nullable().optional(),
  /**
   * With `configCiphertext`: the ciphertext the new one was derived from (read, merged, sealed again). The
   * update is refused with a ConflictError when the stored config is no longer that one, so of two concurrent
   * edits neither silently undoes the other: the loser reads again and merges its change into the winner's.
   */
  expectedConfigCiphertext: z.string().max(1_000_000).nullable().optional(),
});

export type ChannelInput = z.input<typeof channelInputSchema>;
export type ChannelUpdate = z.input<typeof channelUpdateSchema>;
