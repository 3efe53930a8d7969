import { z } from 'zod';
import { parseInput } from '../validation/parse-input.ts';

/** Options every mutating domain operation accepts. */
export interface OperationOptions {
  /** Client-chosen key: a replay returns the first result and writes nothing (see `runIdempotent`). */
  idempotencyKey?: string | undefined;
}

const optionsSchema = z.object({
  idempotencyKey: z
    .string()
    .min(1)
    .max(255)
    .refine((key) => !key.includes('\u0000'), 'cannot contain NUL characters')
    .optional(),
});

/** The validated idempotency key of `options`, if any. */
export function idempotencyKeyOf(options: OperationOptions | undefined): string | undefined {
  return parseInput(optionsSchema, options ?? {}, 'options').idempotencyKey;
}
