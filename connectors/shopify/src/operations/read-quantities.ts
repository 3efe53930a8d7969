import type { ReadRequest, ReadResult } from '@ballast/connector-kit';
import type { ShopifyListingRef } from '../listing-ref.ts';
import type { ShopifySession } from '../session.ts';
import { readLevels } from './read-levels.ts';

/** Read-back for the drift sweep: what each listing's location shows as `available` now. */
export async function readQuantities(
  session: ShopifySession,
  items: readonly ReadRequest<ShopifyListingRef>[],
): Promise<ReadResult[]> {
  const levels = await readLevels(
    session,
    items.map((item) => item.listingRef),
  );
  return items.map(({ key }, i): ReadResult => {
    const level = levels[i];
    if (!level)
      return { key, status: 'transient', code: 'missing_result', message: 'no answer for this item' };
    return { key, ...level };
  });
}
