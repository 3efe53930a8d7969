import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { parseInput } from '../validation/parse-input.ts';
import { channelQuantitySchema } from './listing-input.ts';

const reportSchema = z.object({
  listingId: z.number().int().positive(),
  quantity: channelQuantitySchema,
  at: z.number().int().nonnegative(),
});

/**
 * Records what the channel itself reported for a listing (read-back or a write response). A report older
 * than the one already stored is ignored, so a slow read-back cannot overwrite a fresher answer; returns
 * whether this report was stored. Called by the sync engine, which already holds the listing id.
 */
export async function recordChannelQuantity(
  db: Db,
  listingId: number,
  quantity: number,
  at: number,
): Promise<boolean> {
  const data = parseInput(reportSchema, { listingId, quantity, at }, 'channel quantity');
  const stored = await db
    .updateTable('listings')
    .set({ channelQuantity: data.quantity, channelQuantityAt: data.at })
    .where('id', '=', data.listingId)
    .where((eb) => eb.or([eb('channelQuantityAt', 'is', null), eb('channelQuantityAt', '<=', data.at)]))
    .returning('id')
    .executeTakeFirst();
  if (stored) return true;
  const exists = await db
    .selectFrom('listings')
    .select('id')
    .where('id', '=', data.listingId)
    .executeTakeFirst();
  if (!exists) throw new NotFoundError('listing', ['listingId']);
  return false;
}
