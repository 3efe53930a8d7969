import fc from 'fast-check';
import { type JsonSchema, jsonTypeOf, resolveSchema, typesOf } from './openapi-operations.ts';
import { type SchemaContext, validValue } from './valid-value.ts';

/** One value of every JSON type, for "wrong type" mutations. */
const SAMPLES: unknown[] = ['12', 'not a number', 7, 0.5, -3, true, false, null, [], [1, 'a'], {}, { a: 1 }];

/** Longest array built to break a `maxItems`; larger limits are left to other mutations. */
const MAX_ITEMS_TO_EXCEED = 20_000;

/**
 * Values the schema refuses: a wrong type, a number out of range or not whole, a string too long, too short,
 * off its enum or pattern, an array with too few or too many items or a bad item, an object missing a required
 * field, with an unknown one, or with one bad field, at any depth. Undefined when the schema accepts anything.
 */
export function invalidValue(
  ctx: SchemaContext,
  raw: JsonSchema,
  depth = 0,
): fc.Arbitrary<unknown> | undefined {
  const schema = resolveSchema(ctx.doc, raw);
  const options: fc.Arbitrary<unknown>[] = [];
  const accepted = typesOf(schema);
  const acceptsType = (value: unknown) => {
    const type = jsonTypeOf(value);
    return accepted.includes(type) || (type === 'integer' && accepted.includes('number'));
  };
  const wrongTypes = SAMPLES.filter((value) => !acceptsType(value));
  if (wrongTypes.length > 0) options.push(fc.constantFrom(...wrongTypes));

  if (schema.enum) {
    const allowed = new Set(schema.enum);
    options.push(
      fc.oneof(fc.string(), fc.constantFrom('ACTIVE', 'true ', '')).filter((v) => !allowed.has(v)),
    );
  }
  if (accepted.includes('integer') || accepted.includes('number')) options.push(...numberOptions(schema));
  if (accepted.includes('string') && !schema.enum) options.push(...stringOptions(schema));
  if (accepted.includes('array') && depth < 3) options.push(...arrayOptions(ctx, schema, depth));
  if (accepted.includes('object') && depth < 3) options.push(...objectOptions(ctx, schema, depth));
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function numberOptions(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2)];
  const min = schema.exclusiveMinimum ?? (schema.minimum !== undefined ? schema.minimum - 1 : undefined);
  if (min !== undefined) options.push(fc.integer({ min: Math.max(min - 1000, -(2 ** 31)), max: min }));
  const max = schema.exclusiveMaximum ?? (schema.maximum !== undefined ? schema.maximum + 1 : undefined);
  if (max !== undefined) options.push(fc.constantFrom(max, max + 1, max * 10));
  const types = typesOf(schema);
  if (types.includes('integer') && !types.includes('number'))
    options.push(fc.double({ min: -1e6, max: 1e6, noInteger: true, noNaN: true, noDefaultInfinity: true }));
  return options;
}

function stringOptions(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.maxLength !== undefined) {
    const over = schema.maxLength + 1;
    options.push(
      fc.constantFrom('x'.repeat(over), 'é'.repeat(over), '😀'.repeat(Math.ceil(over / 2) + 1)),
      fc
        .string({ minLength: over, maxLength: over + 20, unit: 'grapheme' })
        .filter((s) => s.length > over - 1),
    );
  }
  if (schema.minLength !== undefined && schema.minLength > 0)
    options.push(fc.string({ maxLength: schema.minLength - 1 }));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    options.push(fc.string({ maxLength: 30, unit: 'grapheme' }).filter((s) => !pattern.test(s)));
  }
  if (schema.format === 'email' || schema.format === 'uri')
    options.push(fc.constantFrom('not an address', '@', 'http//x', 'javascript:alert(1)', ''));
  return options;
}

function arrayOptions(ctx: SchemaContext, schema: JsonSchema, depth: number): fc.Arbitrary<unknown>[] {
  const options: fc.Arbitrary<unknown>[] = [];
  const item = schema.items ?? {};
  if (schema.minItems !== undefined && schema.minItems > 0) options.push(fc.constant([]));
  if (schema.maxItems !== undefined && schema.maxItems < MAX_ITEMS_TO_EXCEED) {
    const count = schema.maxItems + 1;
    options.push(validValue(ctx, item).map((value) => Array.from({ length: count }, () => value)));
  }
  const badItem = invalidValue(ctx, item, depth + 1);
  if (badItem) {
    options.push(
      fc
        .tuple(fc.array(validValue(ctx, item), { maxLength: 2 }), badItem, fc.nat({ max: 2 }))
        .map(([items, bad, at]) => {
          const copy = [...items];
          copy.splice(Math.min(at, copy.length), 0, bad);
          return copy;
        }),
    );
  }
  return options;
}

function objectOptions(ctx: SchemaContext, schema: JsonSchema, depth: number): fc.Arbitrary<unknown>[] {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) return [];
  const base = validValue(ctx, schema) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<unknown>[] = [];
  const required = (schema.required ?? []).filter((name) => name in properties);
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, missing]) => {
        const { [missing]: _dropped, ...rest } = value;
        return rest;
      }),
    );
  }
  if (schema.additionalProperties === false) {
    const unknownKey = fc.oneof(
      fc.constantFrom('id', 'storeId', '__proto__', 'extra'),
      fc.string({ minLength: 1 }),
    );
    options.push(
      fc
        .tuple(
          base,
          unknownKey.filter((key) => !(key in properties)),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    );
  }
  const badFields = names.flatMap((name) => {
    const bad = invalidValue(ctx, properties[name]!, depth + 1);
    return bad ? [bad.map((value) => [name, value] as const)] : [];
  });
  if (badFields.length > 0) {
    options.push(
      fc.tuple(base, fc.oneof(...badFields)).map(([value, [name, bad]]) => ({ ...value, [name]: bad })),
    );
  }
  return options;
}
