import fc from 'fast-check';
import { FUZZ_EMAIL, FUZZ_PASSWORD, type FuzzWorld } from './fuzz-world.ts';
import type { JsonSchema, OpenApiDocument, Operation } from './openapi-operations.ts';
import { type Hint, type SchemaContext, validValue } from './valid-value.ts';

/** Mostly an id that exists, sometimes any id the schema allows. */
const mostly = <T>(pool: readonly T[], other: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  pool.length === 0
    ? other
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: other });

const anyId = fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant(Number.MAX_SAFE_INTEGER));

const HOUR = 3_600_000;

/**
 * Times for the `from` / `to` filters: mostly around now (`from` before, `to` after, so ranges are valid), as
 * ISO text or epoch milliseconds; sometimes any time at all, or a near miss.
 */
const instant = ([fromHours, toHours]: [number, number]) => {
  const hours = fc.integer({ min: fromHours, max: toHours });
  return fc.oneof(
    { weight: 4, arbitrary: hours.map((h) => new Date(Date.now() + h * HOUR).toISOString()) },
    { weight: 2, arbitrary: hours.map((h) => String(Date.now() + h * HOUR)) },
    {
      weight: 1,
      arbitrary: fc
        .date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true })
        .map((d) => d.toISOString()),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '2024-02-30T00:00:00Z',
        '2024-06-10',
        'yesterday',
        '-1',
        '1e20',
        '1'.repeat(20),
      ),
    },
  );
};

const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * Cursors shaped as the API writes them (base64url JSON: `{ id }` pages, and the products list's
 * `{ s, d, k, i }` keyset) holding any values, plus any JSON and plain garbage.
 */
const cursor = fc.oneof(
  fc.record({ id: fc.oneof(fc.integer(), fc.double(), fc.string()) }).map(base64Json),
  fc
    .record({
      s: fc.constantFrom('sku', 'name', 'createdAt', 'id'),
      d: fc.constantFrom('asc', 'desc'),
      k: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.integer(),
        fc.maxSafeInteger(),
        fc.double(),
      ),
      i: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.maxSafeInteger()),
    })
    .map(base64Json),
  fc.jsonValue({ maxDepth: 2 }).map(base64Json),
  fc.string({ maxLength: 60 }),
);

/**
 * Field-name hints: existing SKUs and ids, reachable URLs, real credentials, and for a few operations the rules
 * their schema cannot say (an adjustment line sets or changes, a work order builds an assembly, a new product
 * needs a new SKU), so that valid requests often succeed.
 */
export function fuzzHints(world: FuzzWorld, doc: OpenApiDocument, op: Operation): SchemaContext {
  const { pools } = world;
  const ctx: SchemaContext = { doc, hint: () => undefined };
  const plain = (schema: JsonSchema, name?: string) =>
    validValue({ doc, hint: () => undefined }, schema, name);
  const creates = (resource: string) => op.method === 'POST' && op.path === `/stores/{storeId}/${resource}`;
  const hint: Hint = (name, schema) => {
    if (creates('products') && name === 'sku')
      return fc.oneof(
        fc.nat().map((n) => `FZ-P-${n}`),
        plain(schema),
      );
    if (creates('products') && name === 'components')
      return fc.oneof(fc.constant([]), fc.constant([{ sku: 'FZ-2', quantity: 1 }]), plain(schema, name));
    if (creates('work-orders') && name === 'sku') return fc.oneof(fc.constant('FZ-ASM'), plain(schema));
    // Ship everything outstanding (no lines) half the time; receive the SKUs the seeded purchase orders hold.
    if (op.path.endsWith('/ship') && name === 'lines')
      return fc.oneof(fc.constant(undefined), plain(schema, name));
    if (op.path.endsWith('/receive') && name === 'lines')
      return fc.oneof(
        fc
          .tuple(fc.constantFrom('FZ-4', 'FZ-5', 'FZ-6'), fc.integer({ min: 1, max: 12 }))
          .map(([sku, quantity]) => [{ sku, quantity }]),
        plain(schema, name),
      );
    if (creates('adjustments') && name === 'lines')
      return fc.oneof(adjustmentLines(pools), plain(schema, name));
    switch (name) {
      case 'sku':
        return mostly(pools.skus, plain(schema));
      case 'productId':
      case 'ids[]':
        return mostly(pools.productIds, anyId);
      case 'channelId':
        return mostly(pools.channelIds, anyId);
      case 'locationId':
      case 'locationIds[]':
        return mostly(pools.locationIds, anyId);
      case 'lineId':
        return mostly(pools.lineIds, anyId);
      case 'number':
        // Order numbers: mostly fresh, sometimes one that exists (a conflict).
        return fc.oneof(
          { weight: 4, arbitrary: fc.nat().map((n) => `FZ-N-${n}`) },
          { weight: 1, arbitrary: fc.constantFrom('FZ-SO-0', 'FZ-PO-0', 'FZ-WO-0') },
          { weight: 1, arbitrary: plain(schema) },
        );
      case 'url':
        // Never the internet: the local feed server, a closed port, or schemes fetch refuses.
        return fc.oneof(
          fc.constantFrom(...world.feedUrls),
          fc.constantFrom('ftp://127.0.0.1/x.csv', 'file:///etc/passwd', 'data:text/csv,sku', null),
        );
      case 'config':
        return fc.oneof(
          { weight: 2, arbitrary: fc.constant(world.channelConfig) },
          {
            weight: 1,
            arbitrary: fc
              .record({
                key: fc.constantFrom(...Object.keys(world.channelConfig)),
                value: fc.jsonValue({ maxDepth: 1 }),
              })
              .map(({ key, value }) => ({ ...world.channelConfig, [key]: value })),
          },
          { weight: 1, arbitrary: plain(schema) },
        );
      case 'connectorId':
        return fc.oneof(fc.constantFrom('webhook', 'shopify'), plain(schema));
      case 'email':
        return fc.oneof(fc.constant(FUZZ_EMAIL), fc.constant(FUZZ_EMAIL.toUpperCase()), plain(schema));
      case 'password':
        return fc.oneof(fc.constant(FUZZ_PASSWORD), plain(schema));
      case 'from':
        return instant([-72, -1]);
      case 'to':
        return instant([-1, 48]);
      case 'bucket':
        return fc.oneof(fc.constantFrom(60_000, HOUR, 24 * HOUR), plain(schema));
      case 'location':
        return fc.oneof(fc.constantFrom('Annex', null), plain(schema));
      case 'cursor':
        return cursor.filter((c) => c.length <= (schema.maxLength ?? 4000));
      case 'q':
        return fc.oneof(fc.constantFrom('%', '_', '\\', "'", 'FZ-%', 'fz', '""'), plain(schema));
      default:
        return undefined;
    }
  };
  ctx.hint = hint;
  return ctx;
}

/** Adjustment lines as core takes them: each SKU once, and either `set` or `delta`. */
function adjustmentLines(pools: FuzzWorld['pools']): fc.Arbitrary<unknown> {
  const change = fc.oneof(
    fc.integer({ min: 0, max: 500 }).map((set) => ({ set })),
    fc.integer({ min: -5, max: 50 }).map((delta) => ({ delta })),
  );
  return fc
    .uniqueArray(fc.constantFrom(...pools.skus.filter((sku) => sku !== 'FZ-KIT')), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((skus) =>
      fc.tuple(
        ...skus.map((sku) =>
          fc
            .tuple(change, fc.option(fc.constantFrom(...pools.locationIds), { nil: undefined }))
            .map(([c, locationId]) => ({ sku, ...c, ...(locationId !== undefined && { locationId }) })),
        ),
      ),
    );
}

/** Path parameter values: the main store mostly, existing ids mostly, by the name and the path. */
export function pathParamValue(world: FuzzWorld, path: string, name: string): fc.Arbitrary<string> {
  const { pools } = world;
  const ids = (pool: readonly number[]) => mostly(pool, anyId).map(String);
  switch (name) {
    case 'storeId':
      return fc.oneof(
        { weight: 8, arbitrary: fc.constant(String(world.storeId)) },
        { weight: 1, arbitrary: fc.constant(String(world.otherStoreId)) },
        { weight: 1, arbitrary: anyId.map(String) },
      );
    case 'productId':
      return ids(pools.productIds);
    case 'channelId':
      return ids(pools.channelIds);
    case 'orderId':
      return ids(path.includes('/purchase-orders/') ? pools.purchaseOrderIds : pools.salesOrderIds);
    case 'workOrderId':
      return ids(pools.workOrderIds);
    case 'feedId':
      return ids(pools.feedIds);
    case 'tokenId':
      // Never the run's own token: revoking it (a random id is often a small one) would leave every later
      // request, and the findings below, at 401.
      return mostly(
        pools.tokenIds,
        anyId.filter((id) => id !== world.tokenId),
      ).map(String);
    case 'entryId':
      return ids(pools.historyIds);
    case 'adjustmentId':
      return ids(pools.adjustmentIds);
    case 'listingId':
      return ids(pools.listingIds);
    default:
      return anyId.map(String);
  }
}

/** Path parameter values no route may accept (ids are positive safe integers). */
export const invalidPathParam = fc.constantFrom(
  '0',
  '-1',
  'abc',
  '1.5',
  '9007199254740992',
  '99999999999999999999',
  'null',
  '😀',
  '1\u0000',
  "1' or '1'='1",
);
