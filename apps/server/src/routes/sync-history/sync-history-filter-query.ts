import type { CauseType, SyncStatus } from '@ballast/core';
import { syncCauseTypes, syncStatuses } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/params.ts';
import { syncCauseTypeSchema, syncStatusSchema } from './sync-history-schema.ts';

/** `?name=a&name=b` or `?name=a,b`: one or more values of an enum. */
function enumListSchema<T extends string>(
  item: z.ZodType<T, string>,
  values: readonly T[],
  what: string,
  description: string,
) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      [value]
        .flat()
        .flatMap((part) => part.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item).min(1, `name at least one ${what}`))
    .openapi({ description, type: 'array', items: { type: 'string', enum: [...values] } });
}

/** The filters the history list and its live stream share. */
export const syncHistoryFilterQuerySchema = z
  .object({
    productId: idSchema.optional(),
    channelId: idSchema.optional(),
    status: enumListSchema(
      syncStatusSchema,
      syncStatuses,
      'status',
      'One or more statuses, repeated or comma-separated',
    ).optional(),
    causeType: enumListSchema(
      syncCauseTypeSchema,
      syncCauseTypes,
      'cause type',
      'What set the push in motion: one or more cause types, repeated or comma-separated',
    ).optional(),
    causeRef: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .openapi({
        description:
          'The cause’s ref, exact (an order’s id, a feed run’s id…). Needs exactly one `causeType`: a ref ' +
          'names something within its type (sales order 1001 is not purchase order 1001)',
        example: '1001',
      }),
  })
  .superRefine((value, ctx) => {
    if (value.causeRef !== undefined && value.causeType?.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['causeRef'], message: 'needs exactly one causeType' });
    }
  });

export interface SyncHistoryFilter {
  productId?: number;
  channelId?: number;
  status?: SyncStatus[];
  causeType?: CauseType[];
  causeRef?: string;
}
