import type { SyncStatus } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/params.ts';
import { syncStatusSchema } from './sync-history-schema.ts';

/** `?status=failed&status=retrying` or `?status=failed,retrying`. */
const statusListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    [value]
      .flat()
      .flatMap((part) => part.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(syncStatusSchema).min(1, 'name at least one status'))
  .openapi({
    description: 'One or more statuses, repeated or comma-separated',
    type: 'array',
    items: { type: 'string', enum: ['pending', 'succeeded', 'failed', 'retrying', 'skipped'] },
  });

/** The filters the history list and its live stream share. */
export const syncHistoryFilterQuerySchema = z.object({
  productId: idSchema.optional(),
  channelId: idSchema.optional(),
  status: statusListSchema.optional(),
});

export interface SyncHistoryFilter {
  productId?: number;
  channelId?: number;
  status?: SyncStatus[];
}
