import { WOO_API_BASE } from './protocol.ts';

/** REST paths under the site's home address; the simulator serves the same ones. */
export const wooPaths = {
  products: `${WOO_API_BASE}/products`,
  productsBatch: `${WOO_API_BASE}/products/batch`,
  variations: (parentId: number): string => `${WOO_API_BASE}/products/${parentId}/variations`,
  variationsBatch: (parentId: number): string => `${WOO_API_BASE}/products/${parentId}/variations/batch`,
} as const;
