import { type CompareEra, compareEraOf } from '../api-version.ts';

/**
 * The slice of the Admin GraphQL schema the simulator implements, per compare-and-set era. Names and types
 * are the real ones (a test checks the 2025-01 slice against Shopify's introspection); the 2026-01 slice
 * follows the documented changes: `changeFromQuantity` replaces `compareQuantity`/`ignoreCompareQuantity`,
 * new error codes, and the `@idempotent` directive.
 */
export function adminSchemaSdl(version: string): string {
  const era: CompareEra = compareEraOf(version);
  const changeFrom = era === 'change-from';
  return `
${changeFrom ? 'directive @idempotent(key: String!) on FIELD\n' : ''}
schema { query: QueryRoot mutation: Mutation }

scalar DateTime

interface Node { id: ID! }

type QueryRoot {
  inventoryItem(id: ID!): InventoryItem
  inventoryItems(first: Int, after: String, last: Int, before: String, reverse: Boolean, query: String): InventoryItemConnection!
  location(id: ID): Location
  nodes(ids: [ID!]!): [Node]!
}

type Mutation {
  inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
}

type InventoryItem implements Node {
  id: ID!
  sku: String
  tracked: Boolean!
  inventoryLevel(locationId: ID!): InventoryLevel
}

type InventoryItemConnection {
  edges: [InventoryItemEdge!]!
  nodes: [InventoryItem!]!
  pageInfo: PageInfo!
}

type InventoryItemEdge {
  cursor: String!
  node: InventoryItem!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
}

type InventoryLevel implements Node {
  id: ID!
  item: InventoryItem!
  location: Location!
  quantities(names: [String!]!): [InventoryQuantity!]!
}

type InventoryQuantity implements Node {
  id: ID!
  name: String!
  quantity: Int!
}

type Location implements Node {
  id: ID!
  name: String!
}

input InventorySetQuantitiesInput {
  reason: String!
  name: String!
  referenceDocumentUri: String
  quantities: [InventoryQuantityInput!]!
${changeFrom ? '' : '  ignoreCompareQuantity: Boolean\n'}}

input InventoryQuantityInput {
  inventoryItemId: ID!
  locationId: ID!
  quantity: Int!
${changeFrom ? '  changeFromQuantity: Int\n' : '  compareQuantity: Int\n'}}

type InventorySetQuantitiesPayload {
  inventoryAdjustmentGroup: InventoryAdjustmentGroup
  userErrors: [InventorySetQuantitiesUserError!]!
}

type InventoryAdjustmentGroup implements Node {
  changes(inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]): [InventoryChange!]!
  createdAt: DateTime!
  id: ID!
  reason: String!
  referenceDocumentUri: String
}

type InventoryChange {
  delta: Int!
  item: InventoryItem
  ledgerDocumentUri: String
  location: Location
  name: String!
  quantityAfterChange: Int
}

type InventorySetQuantitiesUserError {
  code: InventorySetQuantitiesUserErrorCode
  field: [String!]
  message: String!
}

enum InventorySetQuantitiesUserErrorCode {
  INVALID_INVENTORY_ITEM
  INVALID_LOCATION
  INVALID_QUANTITY_NEGATIVE
  INVALID_REASON
  INVALID_REFERENCE_DOCUMENT
  ITEM_NOT_STOCKED_AT_LOCATION
  INVALID_QUANTITY_TOO_HIGH
  INVALID_QUANTITY_TOO_LOW
  INVALID_NAME
  NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR
  NON_MUTABLE_INVENTORY_ITEM
${
  changeFrom
    ? `  CHANGE_FROM_QUANTITY_STALE
  IDEMPOTENCY_CONCURRENT_REQUEST
  IDEMPOTENCY_KEY_PARAMETER_MISMATCH
  IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED`
    : `  COMPARE_QUANTITY_REQUIRED
  COMPARE_QUANTITY_STALE`
}
}
`;
}
