/**
 * A channel-connect form generated from a connector's JSON Schema (as `GET /connectors` describes its
 * config): one field per property, nested objects flattened to dotted names, and the values turned back into
 * the config object the connector validates.
 */
export type FieldKind = 'text' | 'url' | 'secret' | 'integer' | 'number' | 'boolean' | 'choice' | 'json';

export interface ConfigField {
  /** Dotted path in the config (`auth.apiKey`). */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  default?: unknown;
  options?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

type JsonSchema = Record<string, unknown>;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `endpointUrl` -> `Endpoint URL`, `apiKey` -> `API key`, `timeoutMs` -> `Timeout (ms)`. */
export function labelOf(name: string): string {
  const last = name.split('.').at(-1) ?? name;
  const ms = /Ms$/.test(last);
  const words = (ms ? last.slice(0, -2) : last)
    .replaceAll(/[_-]+/g, ' ')
    .replaceAll(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((w) => (['url', 'api', 'id', 'sku'].includes(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  const label = text.charAt(0).toUpperCase() + text.slice(1);
  return ms ? `${label} (ms)` : label;
}

/** The form's fields, in the schema's property order. */
export function configFields(schema: unknown, prefix = '', parentRequired = true): ConfigField[] {
  if (!isSchema(schema) || !isSchema(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const fields: ConfigField[] = [];
  for (const [key, child] of Object.entries(schema.properties)) {
    if (!isSchema(child)) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const isRequired = parentRequired && required.has(key);
    if (child.type === 'object' && isSchema(child.properties)) {
      fields.push(...configFields(child, name, isRequired));
      continue;
    }
    fields.push(fieldOf(name, child, isRequired));
  }
  return fields;
}

function fieldOf(name: string, schema: JsonSchema, required: boolean): ConfigField {
  const field: ConfigField = {
    name,
    label: (schema.title as string) ?? labelOf(name),
    kind: kindOf(schema),
    required,
  };
  if (typeof schema.description === 'string') field.description = schema.description;
  if (schema.default !== undefined) field.default = schema.default;
  if (Array.isArray(schema.enum)) field.options = schema.enum.map(String);
  const min = schema.minimum ?? schema.exclusiveMinimum;
  if (typeof min === 'number') field.min = min;
  if (typeof schema.maximum === 'number') field.max = schema.maximum;
  if (typeof schema.pattern === 'string') field.pattern = schema.pattern;
  return field;
}

function kindOf(schema: JsonSchema): FieldKind {
  if (schema.writeOnly === true || schema['x-secret'] === true) return 'secret';
  if (Array.isArray(schema.enum)) return 'choice';
  switch (schema.type) {
    case 'string':
      return schema.format === 'uri' ? 'url' : 'text';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** The initial form values: defaults where the schema has them (as text, as inputs hold them). */
export function initialValues(fields: readonly ConfigField[]): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fields) {
    if (field.kind === 'boolean') values[field.name] = field.default === true;
    else if (field.default !== undefined)
      values[field.name] = field.kind === 'json' ? JSON.stringify(field.default) : String(field.default);
    else values[field.name] = '';
  }
  return values;
}

/**
 * The config object for the form's values. Empty optional fields are left out (the connector applies its
 * defaults); numbers and JSON are parsed, and what cannot be parsed is reported per field, like the server
 * would.
 */
export function configFromValues(
  fields: readonly ConfigField[],
  values: Record<string, string | boolean | undefined>,
): { config: Record<string, unknown>; errors: Map<string, string> } {
  const config: Record<string, unknown> = {};
  const errors = new Map<string, string>();
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === 'boolean') {
      setPath(config, field.name, raw === true);
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.required) errors.set(field.name, 'required');
      continue;
    }
    const parsed = parseValue(field, text);
    if ('error' in parsed) errors.set(field.name, parsed.error);
    else setPath(config, field.name, parsed.value);
  }
  return { config, errors };
}

function parseValue(field: ConfigField, text: string): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const value = Number(text);
      if (!Number.isFinite(value)) return { error: 'expected a number' };
      if (field.kind === 'integer' && !Number.isInteger(value)) return { error: 'expected a whole number' };
      return { value };
    }
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { error: 'expected JSON' };
      }
    default:
      return { value: text };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (isSchema(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys.at(-1)!] = value;
}

/** `body.config.endpointUrl` (how the server names an invalid setting) -> `endpointUrl`. */
export function configFieldOf(problemField: string): string | undefined {
  const match = /^(?:body\.)?config\.(.+)$/.exec(problemField);
  return match?.[1];
}
