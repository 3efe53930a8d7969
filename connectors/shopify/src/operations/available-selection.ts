import { z } from 'zod';

/** The quantity name Ballast sets and reads: what the storefront can sell. */
export const AVAILABLE = 'available';

/** `inventoryLevel(locationId:)`'s selection: only the `available` quantity. */
export const LEVEL_SELECTION = `quantities(names: ["${AVAILABLE}"]) { name quantity }`;

/** An inventory level as that selection returns it; `null` when the item is not stocked at the location. */
export const levelSchema = z
  .object({ quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })) })
  .nullable();

/** The `available` quantity of a level, if it reports one. */
export function availableOf(level: z.infer<typeof levelSchema> | undefined): number | undefined {
  return level?.quantities.find((q) => q.name === AVAILABLE)?.quantity;
}
