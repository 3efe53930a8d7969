import type { QuantityUpdate } from '@ballast/connector-kit';
import {
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ShopifyListingRef } from '../src/index.ts';
import { buildLookupRequest } from '../src/operations/lookup-request.ts';
import { buildReadLevelsRequest } from '../src/operations/read-levels-request.ts';
import { buildSetQuantitiesRequest } from '../src/operations/set-quantities-request.ts';
import { INTROSPECTED_VERSION, simulatorSchema } from '../src/simulator/index.ts';
import { adminSchema2025 } from './admin-schema.ts';
import { simulatorCost } from './harness.ts';

const ref = (n: number, location = 1): ShopifyListingRef => ({
  inventoryItemId: `gid://shopify/InventoryItem/${n}`,
  locationId: `gid://shopify/Location/${location}`,
});
const update = (n: number, expectedCurrent?: number): QuantityUpdate<ShopifyListingRef> => ({
  key: `k${n}`,
  listingRef: ref(n),
  sku: `SKU-${n}`,
  quantity: n,
  idempotencyKey: `i${n}`,
  ...(expectedCurrent === undefined ? {} : { expectedCurrent }),
});

/** Every document the connector builds, with the variables it sends, for one API version. */
function documentsFor(version: string) {
  return {
    'set, every entry compared': buildSetQuantitiesRequest(version, [update(1, 0), update(2, 5)], 'k-1'),
    'set, no entry compared': buildSetQuantitiesRequest(version, [update(1), update(2)], 'k-2'),
    'set, mixed': buildSetQuantitiesRequest(version, [update(1, 3), update(2)], 'k-3'),
    'lookup, one location, first page': buildLookupRequest(
      ["A'1", 'B\\2'],
      ['gid://shopify/Location/1'],
      50,
      null,
    ),
    'lookup, three locations, later page': buildLookupRequest(
      ['A', 'B'],
      ['gid://shopify/Location/1', 'gid://shopify/Location/2', 'gid://shopify/Location/3'],
      25,
      'eyJsYXN0X2lkIjoxfQ==',
    ),
    'read levels at two locations': buildReadLevelsRequest([ref(1), ref(2, 2), ref(3)]),
  };
}

/** graphql-js validation of the document, then of the variables' values against their declared types. */
function problemsOf(schema: GraphQLSchema, document: string, variables: Readonly<Record<string, unknown>>) {
  const parsed = parse(document);
  const invalid = validate(schema, parsed).map((e) => e.message);
  const operation = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], { ...variables });
  return [...invalid, ...(coerced.errors ?? []).map((e) => e.message)];
}

describe(`requests built for ${INTROSPECTED_VERSION} against Shopify's published schema`, () => {
  for (const [label, request] of Object.entries(documentsFor(INTROSPECTED_VERSION))) {
    it(`${label}: document and variables are valid`, () => {
      expect(problemsOf(adminSchema2025(), request.document, request.variables)).toEqual([]);
    });
  }

  it('a 2026-01 write (changeFromQuantity, @idempotent) is refused by the 2025-01 schema', () => {
    const request = buildSetQuantitiesRequest('2026-01', [update(1, 2)], 'k');
    const problems = problemsOf(adminSchema2025(), request.document, request.variables);
    expect(problems.join('\n')).toMatch(/idempotent|changeFromQuantity/);
  });
});

describe('requests built for 2026-01 and later against the simulator’s slice of that schema', () => {
  for (const version of ['2026-01', '2026-04']) {
    for (const [label, request] of Object.entries(documentsFor(version))) {
      it(`${version} ${label}`, () => {
        expect(problemsOf(simulatorSchema(version), request.document, request.variables)).toEqual([]);
      });
    }
  }
});

describe('the simulator’s 2025-01 slice is a faithful subset of the published schema', () => {
  const real = () => adminSchema2025();
  const slice = simulatorSchema(INTROSPECTED_VERSION);
  const named = Object.values(slice.getTypeMap()).filter((t) => !t.name.startsWith('__'));

  for (const type of named) {
    it(`${type.name}`, () => {
      const counterpart = real().getType(type.name);
      expect(counterpart, `${type.name} exists`).toBeDefined();
      expect(counterpart?.constructor.name).toBe(type.constructor.name);
      if (
        (isObjectType(type) || isInterfaceType(type)) &&
        (isObjectType(counterpart) || isInterfaceType(counterpart))
      ) {
        const theirs = counterpart.getFields();
        for (const field of Object.values(type.getFields())) {
          const their = theirs[field.name];
          expect(their, `${type.name}.${field.name}`).toBeDefined();
          expect(String(their?.type)).toBe(String(field.type));
          for (const arg of field.args) {
            const theirArg = their?.args.find((a) => a.name === arg.name);
            expect(String(theirArg?.type), `${type.name}.${field.name}(${arg.name})`).toBe(String(arg.type));
          }
        }
        if (isObjectType(type) && isObjectType(counterpart)) {
          const theirInterfaces = counterpart.getInterfaces().map((i) => i.name);
          for (const iface of type.getInterfaces()) expect(theirInterfaces).toContain(iface.name);
        }
      }
      if (isInputObjectType(type) && isInputObjectType(counterpart)) {
        const theirs = counterpart.getFields();
        for (const field of Object.values(type.getFields())) {
          expect(String(theirs[field.name]?.type), `${type.name}.${field.name}`).toBe(String(field.type));
        }
      }
      if (isEnumType(type) && isEnumType(counterpart)) {
        const theirs = counterpart.getValues().map((v) => v.name);
        for (const value of type.getValues()) expect(theirs).toContain(value.name);
      }
    });
  }

  it('its root types are the real ones', () => {
    expect(slice.getQueryType()?.name).toBe(real().getQueryType()?.name);
    expect(slice.getMutationType()?.name).toBe(real().getMutationType()?.name);
    expect(getNamedType(slice.getQueryType()!.getFields().nodes!.type).name).toBe('Node');
  });
});

describe('the connector’s cost model is what the simulator charges', () => {
  const locations = ['gid://shopify/Location/1', 'gid://shopify/Location/2', 'gid://shopify/Location/3'];
  const cases = [
    ['lookup, one location', buildLookupRequest(['A', 'B'], locations.slice(0, 1), 50, null)],
    ['lookup, three locations', buildLookupRequest(['A'], locations, 20, null)],
    ['read levels', buildReadLevelsRequest([ref(1), ref(2, 2), ref(3)])],
  ] as const;
  for (const [label, request] of cases) {
    it(label, () => {
      expect(simulatorCost('2026-04', { query: request.document, variables: { ...request.variables } })).toBe(
        request.cost,
      );
    });
  }
});
