import type { GraphQLSchema } from 'graphql';
import { loadIntrospectionSchema } from '../src/simulator/index.ts';

/**
 * Shopify's published Admin 2025-01 introspection, read from the shared specs beside the repository
 * (`/work/shared` locally, `<clone>/../shared` in CI): never copied into the repo.
 */
export const ADMIN_SCHEMA_URL = new URL(
  '../../../../shared/specs/shopify/admin_schema_2025-01.json.gz',
  import.meta.url,
);

let schema: GraphQLSchema | undefined;

export function adminSchema2025(): GraphQLSchema {
  schema ??= loadIntrospectionSchema(ADMIN_SCHEMA_URL);
  return schema;
}
