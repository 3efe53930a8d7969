import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MUTATION_COST } from '../cost-model.ts';

interface CostScope {
  readonly schema: GraphQLSchema;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

/**
 * The requested cost of an operation under Shopify's published rules (see `cost-model.ts`): scalars 0,
 * objects 1 plus their fields, connections 2 plus `first` (or `last`) nodes (`pageInfo` included in the
 * 2), mutation fields 10, and `inventorySetQuantities` one more per entry.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): number {
  const scope: CostScope = { schema, variables, fragments };
  if (operation.operation === 'mutation') return mutationCost(scope, operation.selectionSet);
  const root = schema.getQueryType();
  return root ? selectionCost(scope, root, operation.selectionSet) : 0;
}

function mutationCost(scope: CostScope, selectionSet: SelectionSetNode): number {
  const root = scope.schema.getMutationType();
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !root) continue;
    const field = root.getFields()[selection.name.value];
    if (!field) continue;
    cost += MUTATION_COST;
    if (field.name === 'inventorySetQuantities') {
      const args = getArgumentValues(field, selection, scope.variables);
      const input = args.input as { quantities?: readonly unknown[] } | undefined;
      cost += input?.quantities?.length ?? 0;
    }
  }
  return cost;
}

function selectionCost(
  scope: CostScope,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? scope.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (type && isCompositeType(type)) cost += selectionCost(scope, type, selection.selectionSet);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = scope.fragments.get(selection.name.value);
      const type = fragment && scope.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type && isCompositeType(type))
        cost += selectionCost(scope, type, fragment.selectionSet);
      continue;
    }
    if (selection.name.value.startsWith('__') || !('getFields' in parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const type = getNamedType(field.type);
    if (isLeafType(type) || !selection.selectionSet || !isCompositeType(type)) continue;
    if (isObjectType(type) && type.name.endsWith('Connection')) {
      const args = getArgumentValues(field, selection, scope.variables);
      const size = Number(args.first ?? args.last ?? 0);
      cost += 2 + size * connectionNodeCost(scope, type, selection.selectionSet);
    } else {
      cost += 1 + selectionCost(scope, type, selection.selectionSet);
    }
  }
  return cost;
}

/** One node of a connection: `nodes { ... }` or `edges { node { ... } }`, whichever costs more. */
function connectionNodeCost(
  scope: CostScope,
  connection: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
): number {
  let node = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !selection.selectionSet || !('getFields' in connection)) continue;
    const field = connection.getFields()[selection.name.value];
    const type = field && getNamedType(field.type);
    if (!type || !isCompositeType(type)) continue;
    if (selection.name.value === 'nodes') {
      node = Math.max(node, 1 + selectionCost(scope, type, selection.selectionSet));
    } else if (selection.name.value === 'edges') {
      // An edge's own fields are scalars; its node is the object that costs.
      node = Math.max(node, selectionCost(scope, type, selection.selectionSet));
    }
  }
  return node;
}
