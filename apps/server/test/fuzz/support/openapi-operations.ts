/** The slice of JSON Schema (as OpenAPI 3.1 writes it) that the Ballast document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  description?: string;
}

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

interface MediaType {
  schema?: JsonSchema;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the document, with what a request to it may carry and what its answers look like. */
export interface Operation {
  /** `POST /stores/{storeId}/sales-orders` */
  id: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  body: { required: boolean; content: Record<string, JsonSchema> } | undefined;
  /** By status code, then media type: the documented body schema (no media types: a bodiless answer). */
  responses: Record<string, Record<string, JsonSchema>>;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const byPlace = (place: ParameterObject['in']) =>
        params
          .filter((p) => p.in === place)
          .map((p) => ({ name: p.name, required: p.required ?? place === 'path', schema: p.schema }));
      const content = op.requestBody?.content;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: byPlace('path'),
        query: byPlace('query'),
        headers: byPlace('header'),
        body: content && {
          required: op.requestBody?.required ?? false,
          content: Object.fromEntries(Object.entries(content).map(([type, m]) => [type, m.schema ?? {}])),
        },
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, r]) => [
            status,
            Object.fromEntries(Object.entries(r.content ?? {}).map(([type, m]) => [type, m.schema ?? {}])),
          ]),
        ),
      });
    }
  }
  return operations;
}

/**
 * The schema with `$ref` followed and `allOf` merged (the document only uses `allOf` to add a description to a
 * referenced schema), so generators see the constraints directly.
 */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolveSchema(doc, { ...target, ...rest });
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    const merged: JsonSchema = { ...rest };
    for (const part of allOf.map((p) => resolveSchema(doc, p))) {
      const properties = { ...merged.properties, ...part.properties };
      const required = [...(merged.required ?? []), ...(part.required ?? [])];
      Object.assign(merged, part);
      if (Object.keys(properties).length > 0) merged.properties = properties;
      if (required.length > 0) merged.required = required;
    }
    return merged;
  }
  return schema;
}

/** The JSON types a schema admits (every type when it says nothing). */
export function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.enum) return [...new Set(schema.enum.map(jsonTypeOf))];
  if (schema.const !== undefined) return [jsonTypeOf(schema.const)];
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}
