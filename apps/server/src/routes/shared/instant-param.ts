import { z } from '@hono/zod-openapi';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A point in time in a query string: epoch milliseconds (`1718000000000`) or ISO 8601 (`2024-06-10T08:00Z`). */
export const instantParamSchema = z
  .string()
  .transform((text, ctx) => {
    const trimmed = text.trim();
    const millis = /^\d{1,15}$/.test(trimmed)
      ? Number(trimmed)
      : ISO_8601.test(trimmed)
        ? Date.parse(trimmed)
        : Number.NaN;
    if (Number.isSafeInteger(millis) && millis >= 0) return millis;
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 time or epoch milliseconds' });
    return z.NEVER;
  })
  .openapi({ type: 'string', example: '2024-06-10T08:00:00Z' });
