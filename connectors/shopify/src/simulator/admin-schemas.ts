import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, buildSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { compareEraOf } from '../api-version.ts';
import { adminSchemaSdl } from './admin-schema-sdl.ts';

const built = new Map<string, GraphQLSchema>();

/** The simulator's executable slice of the Admin schema for a version (one per compare-and-set era). */
export function simulatorSchema(version: string): GraphQLSchema {
  const era = compareEraOf(version);
  let schema = built.get(era);
  if (!schema) {
    schema = buildSchema(adminSchemaSdl(version));
    built.set(era, schema);
  }
  return schema;
}

/**
 * Shopify's published introspection of the Admin schema (`admin_schema_2025-01.json.gz`, gzipped or not),
 * as a schema to validate requests against.
 */
export function loadIntrospectionSchema(path: string | URL): GraphQLSchema {
  const raw = readFileSync(path);
  const text = (String(path).endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const json = JSON.parse(text) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
  const introspection = json.data ?? (json as IntrospectionQuery);
  return buildClientSchema(introspection);
}
