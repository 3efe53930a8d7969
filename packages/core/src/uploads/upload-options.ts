import { z } from 'zod';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';

export const uploadModeSchema = z.enum(['set', 'delta']);

export const validateUploadOptionsSchema = z.object({
  /** Mode of rows whose `mode` is empty or absent. */
  defaultMode: uploadModeSchema.default('set'),
  /** How many rows the preview shows. */
  previewLimit: z.number().int().min(0).max(1000).default(100),
});
export type ValidateUploadOptions = z.input<typeof validateUploadOptionsSchema>;

export const applyUploadOptionsSchema = z.object({
  /** The file's name as the merchant uploaded it, kept on the upload record. */
  filename: z.string().trim().min(1).max(255).refine(hasNoNul, NO_NUL_MESSAGE),
  defaultMode: uploadModeSchema.default('set'),
});
export type ApplyUploadOptions = z.input<typeof applyUploadOptionsSchema> & {
  /** A replay with the same key (and the same file) returns the first result and writes nothing. */
  idempotencyKey?: string | undefined;
};
