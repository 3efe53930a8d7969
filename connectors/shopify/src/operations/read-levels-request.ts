import { readCost } from '../cost-model.ts';
import type { ShopifyListingRef } from '../listing-ref.ts';
import { LEVEL_SELECTION } from './available-selection.ts';

export interface ReadLevelsRequest {
  readonly document: string;
  readonly variables: Readonly<Record<string, string>>;
  /** The alias of each ref's item in `data`, in the order of the refs. */
  readonly aliases: readonly string[];
  readonly cost: number;
}

/**
 * One query reading the `available` quantity of several (item, location) pairs: an aliased
 * `inventoryItem(id:) { inventoryLevel(locationId:) }` per pair, so pairs at different locations share it.
 */
export function buildReadLevelsRequest(refs: readonly ShopifyListingRef[]): ReadLevelsRequest {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  const aliases = refs.map((ref, i) => {
    const alias = `item${i}`;
    variables[alias] = ref.inventoryItemId;
    variables[`location${i}`] = ref.locationId;
    declarations.push(`$${alias}: ID!`, `$location${i}: ID!`);
    fields.push(
      `  ${alias}: inventoryItem(id: $${alias}) { id inventoryLevel(locationId: $location${i}) { ${LEVEL_SELECTION} } }`,
    );
    return alias;
  });
  const document = `query BallastReadLevels(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`;
  return { document, variables, aliases, cost: readCost(refs.length) };
}
