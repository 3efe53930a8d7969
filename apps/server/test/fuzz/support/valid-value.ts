import fc from 'fast-check';
import { type JsonSchema, type OpenApiDocument, resolveSchema, typesOf } from './openapi-operations.ts';

/**
 * Lets the fuzz steer a named field towards values that exist (a seeded SKU, a product id), so requests get
 * past "not found" and reach the code behind it. Returns undefined to leave the field to its schema.
 */
export type Hint = (name: string | undefined, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

export interface SchemaContext {
  doc: OpenApiDocument;
  hint: Hint;
}

/** Longest string or array generated for a valid value: long enough to matter, short enough to be fast. */
const STRING_CAP = 40;
const ARRAY_CAP = 4;

/** Random values that the schema accepts (strings of any script, boundaries included). */
export function validValue(ctx: SchemaContext, raw: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  const hinted = ctx.hint(name, raw);
  if (hinted) return hinted;
  const schema = resolveSchema(ctx.doc, raw);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => validValue(ctx, branch, name)));
  if (isUnconstrained(schema)) return fc.jsonValue({ maxDepth: 2 });
  const types = typesOf(schema);
  return fc.oneof(...types.map((type) => valueOfType(ctx, schema, type, name)));
}

function valueOfType(
  ctx: SchemaContext,
  schema: JsonSchema,
  type: string,
  name: string | undefined,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerIn(schema);
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return stringFor(schema);
    case 'array':
      // Items are hinted as `<name>[]` (`ids[]`: product ids).
      return fc.array(validValue(ctx, schema.items ?? {}, name && `${name}[]`), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? ARRAY_CAP, (schema.minItems ?? 0) + ARRAY_CAP),
      });
    default:
      return objectFor(ctx, schema);
  }
}

/** `{}` (or only annotations): any JSON value. */
const isUnconstrained = (schema: JsonSchema) =>
  Object.keys(schema).every((key) => key === 'description' || key === 'example' || key === 'default');

/** Integers within the bounds, mostly small ones and the bounds themselves. */
export function integerIn(schema: JsonSchema): fc.Arbitrary<number> {
  const min =
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000_000);
  const max =
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000_000);
  const whole = fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 50) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 1, arbitrary: whole },
  );
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 10_000;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  if (schema.format === 'email')
    return fc.emailAddress().filter((s) => s.length <= Math.min(maxLength, 254) && s.length >= minLength);
  const cap = Math.min(maxLength, minLength + STRING_CAP);
  const sized = { minLength, maxLength: cap };
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ ...sized, unit: 'grapheme-ascii' }) },
    { weight: 2, arbitrary: fc.string({ ...sized, unit: 'grapheme' }).filter(fits) },
    // Control characters, NUL and unpaired surrogates: what databases and parsers choke on.
    { weight: 1, arbitrary: fc.string({ ...sized, unit: 'binary' }).filter(fits) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(minLength, Math.min(maxLength, 10_000)))) },
  );
}

function objectFor(ctx: SchemaContext, schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validValue(ctx, value, key)])),
    { requiredKeys: required.filter((key) => key in properties) },
  );
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false || Object.keys(properties).length > 0) return known;
  // A free-form map (a connector's config): any keys, values as the map's schema says.
  const values = extra === true ? fc.jsonValue({ maxDepth: 2 }) : validValue(ctx, extra);
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), values, { maxKeys: 5 });
}
