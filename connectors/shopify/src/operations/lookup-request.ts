import { lookupPageCost } from '../cost-model.ts';
import { skuSearchQuery } from '../search-query.ts';
import { LEVEL_SELECTION } from './available-selection.ts';

export interface LookupRequest {
  readonly document: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly cost: number;
}

/**
 * One page of `inventoryItems` matching SKUs, with the `available` level at each managed location (aliased
 * `level0`, `level1`, ... in the order of `locationIds`).
 */
export function buildLookupRequest(
  skus: readonly string[],
  locationIds: readonly string[],
  first: number,
  after: string | null,
): LookupRequest {
  const levels = locationIds.map(
    (_, i) => `level${i}: inventoryLevel(locationId: $location${i}) { ${LEVEL_SELECTION} }`,
  );
  const declarations = ['$first: Int!', '$after: String', '$query: String!'].concat(
    locationIds.map((_, i) => `$location${i}: ID!`),
  );
  const document = `query BallastLookupSkus(${declarations.join(', ')}) {
  inventoryItems(first: $first, after: $after, query: $query) {
    nodes { id sku tracked ${levels.join(' ')} }
    pageInfo { hasNextPage endCursor }
  }
}`;
  const variables: Record<string, unknown> = { first, after, query: skuSearchQuery(skus) };
  locationIds.forEach((id, i) => {
    variables[`location${i}`] = id;
  });
  return { document, variables, cost: lookupPageCost(first, locationIds.length) };
}
