import fc from 'fast-check';
import { TEST_ORIGIN } from '../../support/test-server.ts';
import { invalidPathParam, pathParamValue } from './fuzz-hints.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import { invalidValue } from './invalid-value.ts';
import { type JsonSchema, type Operation, type Parameter, resolveSchema } from './openapi-operations.ts';
import type { SchemaValidator } from './schema-validator.ts';
import { integerIn, type SchemaContext, validValue } from './valid-value.ts';

/** Who the request claims to be. */
export type AuthChoice = 'token' | 'cookie' | 'other-store-token' | 'none' | 'garbage' | 'revoked-token';

export type FormField = { name: string; value: string } | { name: string; file: string; filename: string };

/** A request body as data (so fast-check can print and shrink it); built into a real body when sent. */
export type FuzzBody =
  /** Text with this content type; `undefined` sends it as bytes with no content type at all. */
  | { kind: 'text'; contentType: string | undefined; text: string }
  | { kind: 'bytes'; contentType: string; bytes: number[] }
  | { kind: 'form'; fields: FormField[] };

export interface FuzzRequest {
  /** Which generator made it: `valid`, or the part made invalid. */
  variant: string;
  auth: AuthChoice;
  /** The request breaks the documented contract: any 2xx answer is a failure. */
  mustRefuse: boolean;
  method: string;
  /** Path and query, under /api/v1. */
  url: string;
  /** The storeId in the path, when there is one. */
  storeId: string | undefined;
  headers: Record<string, string>;
  body: FuzzBody | undefined;
}

interface Parts {
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: FuzzBody | undefined;
  mustRefuse: boolean;
}

const isAuthRoute = (op: Operation) => op.path.startsWith('/auth/');

/**
 * Requests for one operation: half of them valid by its schemas (aimed at ids that exist), the rest with
 * exactly one part broken (body, raw body text or content type, a query parameter, a path parameter, a
 * header), each with a random credential (mostly the main store's token).
 */
export function fuzzRequests(
  world: FuzzWorld,
  ctx: SchemaContext,
  validator: SchemaValidator,
  op: Operation,
): fc.Arbitrary<FuzzRequest> {
  const validPath = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p.name, pathParamValue(world, op.path, p.name)])),
  ) as fc.Arbitrary<Record<string, string>>;
  const validQuery = queryArbitrary(ctx, op.query);
  const validHeaders = headersArbitrary(ctx, op.headers);
  const bodies = op.body ? bodyArbitraries(world, ctx, validator, op.body) : undefined;
  const noBody = fc.constant({ body: undefined, mustRefuse: false });

  const parts = (
    variant: string,
    pieces: {
      path?: fc.Arbitrary<{ path: Record<string, string>; mustRefuse: boolean }>;
      query?: fc.Arbitrary<{ query: [string, string][]; mustRefuse: boolean }>;
      headers?: fc.Arbitrary<{ headers: Record<string, string>; mustRefuse: boolean }>;
      body?: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>;
    },
  ) =>
    fc
      .tuple(
        pieces.path ?? validPath.map((path) => ({ path, mustRefuse: false })),
        pieces.query ?? validQuery.map((query) => ({ query, mustRefuse: false })),
        pieces.headers ?? validHeaders.map((headers) => ({ headers, mustRefuse: false })),
        pieces.body ?? bodies?.valid ?? noBody,
      )
      .map(([p, q, h, b]): Parts & { variant: string } => ({
        variant,
        path: p.path,
        query: q.query,
        headers: h.headers,
        body: b.body,
        mustRefuse: p.mustRefuse || q.mustRefuse || h.mustRefuse || b.mustRefuse,
      }));

  const variants: fc.WeightedArbitrary<Parts & { variant: string }>[] = [
    { weight: 10, arbitrary: parts('valid', {}) },
  ];
  if (bodies) {
    variants.push(
      { weight: 4, arbitrary: parts('invalid-body', { body: bodies.invalid }) },
      { weight: 3, arbitrary: parts('raw-body', { body: bodies.raw }) },
    );
  } else if (op.method !== 'GET') {
    // A body the operation does not take is ignored, never a failure.
    variants.push({ weight: 1, arbitrary: parts('unexpected-body', { body: unexpectedBody }) });
  }
  const badQuery = invalidQueryArbitrary(ctx, op.query);
  if (badQuery) {
    variants.push({
      weight: 3,
      arbitrary: parts('invalid-query', {
        query: fc.tuple(validQuery, badQuery).map(([query, [name, value]]) => ({
          query: [...query.filter(([n]) => n !== name), [name, value] as [string, string]],
          mustRefuse: true,
        })),
      }),
    });
  }
  if (op.pathParams.length > 0) {
    variants.push({
      weight: 3,
      arbitrary: parts('invalid-path', {
        path: fc
          .tuple(validPath, fc.constantFrom(...op.pathParams.map((p) => p.name)), invalidPathParam)
          .map(([path, name, value]) => ({ path: { ...path, [name]: value }, mustRefuse: true })),
      }),
    });
  }
  const badHeaders = invalidHeadersArbitrary(op.headers);
  if (badHeaders) variants.push({ weight: 2, arbitrary: parts('invalid-header', { headers: badHeaders }) });
  if (op.method === 'POST' && !isAuthRoute(op)) {
    // The key is checked before anything else: too long is refused whatever the body.
    variants.push({
      weight: 1,
      arbitrary: parts('idempotency-key-too-long', {
        headers: fc.constant({ headers: { 'idempotency-key': 'k'.repeat(201) }, mustRefuse: true }),
      }),
    });
  }

  return fc
    .tuple(fc.oneof(...variants), authArbitrary(op), originArbitrary, idempotencyArbitrary(op))
    .map(([p, auth, origin, idempotency]): FuzzRequest => {
      const headers: Record<string, string> = { ...idempotency.headers, ...p.headers };
      const credential = credentialHeaders(world, op, auth);
      Object.assign(headers, credential);
      if (origin !== undefined && (credential.cookie !== undefined || isAuthRoute(op)))
        headers.origin = origin;
      let path = op.path;
      for (const [name, value] of Object.entries(p.path))
        path = path.replace(`{${name}}`, encodeURIComponent(value));
      const search = new URLSearchParams(p.query).toString();
      return {
        variant: p.variant,
        auth,
        mustRefuse: p.mustRefuse || idempotency.mustRefuse,
        method: op.method,
        url: `/api/v1${path}${search ? `?${search}` : ''}`,
        storeId: p.path.storeId,
        headers,
        body: p.body,
      };
    });
}

function authArbitrary(op: Operation): fc.Arbitrary<AuthChoice> {
  if (isAuthRoute(op)) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant<AuthChoice>('none') },
      { weight: 2, arbitrary: fc.constant<AuthChoice>('cookie') },
      { weight: 1, arbitrary: fc.constant<AuthChoice>('garbage') },
    );
  }
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant<AuthChoice>('token') },
    { weight: 3, arbitrary: fc.constant<AuthChoice>('cookie') },
    { weight: 1, arbitrary: fc.constant<AuthChoice>('other-store-token') },
    { weight: 1, arbitrary: fc.constant<AuthChoice>('none') },
    { weight: 1, arbitrary: fc.constant<AuthChoice>('garbage') },
    { weight: 1, arbitrary: fc.constant<AuthChoice>('revoked-token') },
  );
}

function credentialHeaders(world: FuzzWorld, op: Operation, auth: AuthChoice): Record<string, string> {
  switch (auth) {
    case 'token':
      return { authorization: `Bearer ${world.token}` };
    case 'other-store-token':
      return { authorization: `Bearer ${world.otherToken}` };
    case 'revoked-token':
      return { authorization: `Bearer ${world.revokedToken}` };
    case 'cookie':
      // Signing out ends the session: only ever the spare one.
      return { cookie: op.path === '/auth/sign-out' ? world.spareCookie : world.cookie };
    case 'garbage':
      return isAuthRoute(op)
        ? { cookie: 'ballast.session_token=forged.value' }
        : { authorization: 'Bearer blst_forged0000000000000000000000000000' };
    default:
      return {};
  }
}

/** Cookie requests come from the trusted origin, mostly. */
const originArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.constant<string | undefined>(TEST_ORIGIN) },
  { weight: 1, arbitrary: fc.constant<string | undefined>('https://evil.example') },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
);

/** An Idempotency-Key on some POSTs: fresh, or shared by many requests (a replay, or a key reused). */
function idempotencyArbitrary(
  op: Operation,
): fc.Arbitrary<{ headers: Record<string, string>; mustRefuse: boolean }> {
  const none = { headers: {}, mustRefuse: false };
  if (op.method !== 'POST' || isAuthRoute(op)) return fc.constant(none);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(none) },
    {
      weight: 3,
      arbitrary: fc.uuid().map((key) => ({ headers: { 'idempotency-key': key }, mustRefuse: false })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ headers: { 'idempotency-key': 'fuzz-shared-key' }, mustRefuse: false }),
    },
  );
}

function queryArbitrary(ctx: SchemaContext, params: Parameter[]): fc.Arbitrary<[string, string][]> {
  if (params.length === 0) return fc.constant([]);
  const entries = params.map((p) =>
    (p.required
      ? validValue(ctx, p.schema, p.name)
      : fc.option(validValue(ctx, p.schema, p.name), { nil: undefined, freq: 2 })
    ).chain((value) =>
      value === undefined ? fc.constant<[string, string][]>([]) : serialised(p.name, value),
    ),
  );
  return fc.tuple(...entries).map((lists) => lists.flat());
}

/** A query value as text; arrays either repeat the parameter or join with commas (both accepted). */
function serialised(name: string, value: unknown): fc.Arbitrary<[string, string][]> {
  if (Array.isArray(value)) {
    return fc
      .boolean()
      .map((repeat) =>
        repeat
          ? value.map((v): [string, string] => [name, String(v)])
          : [[name, value.map(String).join(',')]],
      );
  }
  return fc.constant([[name, String(value)]]);
}

/** One query parameter set to a value its schema unambiguously refuses, when some parameter has one. */
function invalidQueryArbitrary(
  ctx: SchemaContext,
  params: Parameter[],
): fc.Arbitrary<[string, string]> | undefined {
  const options = params.flatMap((p) => {
    const bad = invalidQueryValue(resolveSchema(ctx.doc, p.schema), ctx);
    return bad ? [bad.map((value): [string, string] => [p.name, value])] : [];
  });
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function invalidQueryValue(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> | undefined {
  const notIn = (allowed: unknown[]) =>
    fc.constantFrom('bogus', 'TRUE', '1', '', 'ok;drop table products').filter((v) => !allowed.includes(v));
  if (schema.enum) return notIn(schema.enum);
  if (schema.type === 'array' && schema.items) {
    const items = resolveSchema(ctx.doc, schema.items);
    return items.enum ? notIn(items.enum) : undefined;
  }
  if (schema.type === 'integer') {
    const values = ['abc', '1.5', 'Infinity', '9007199254740993'];
    if (schema.exclusiveMinimum !== undefined) values.push(String(schema.exclusiveMinimum), '-1');
    if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
    if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER)
      values.push(String(schema.maximum + 1));
    return fc.constantFrom(...values);
  }
  if (schema.type === 'string' && schema.maxLength !== undefined) {
    return fc.constant('q'.repeat(schema.maxLength + 1));
  }
  return undefined;
}

function headersArbitrary(ctx: SchemaContext, params: Parameter[]): fc.Arbitrary<Record<string, string>> {
  const entries = params.map((p) =>
    fc
      .option(validValue(ctx, p.schema, p.name), { nil: undefined })
      .map((v) => (v === undefined ? {} : { [p.name]: String(v) })),
  );
  return entries.length === 0
    ? fc.constant({})
    : fc.tuple(...entries).map((list) => Object.assign({}, ...list));
}

function invalidHeadersArbitrary(
  params: Parameter[],
): fc.Arbitrary<{ headers: Record<string, string>; mustRefuse: boolean }> | undefined {
  const patterned = params.filter((p) => p.schema.pattern);
  if (patterned.length === 0) return undefined;
  return fc
    .tuple(fc.constantFrom(...patterned), fc.constantFrom('abc', '-1', '1'.repeat(16), '1 2', '0x10'))
    .filter(([p, value]) => !new RegExp(p.schema.pattern!).test(value))
    .map(([p, value]) => ({ headers: { [p.name]: value }, mustRefuse: true }));
}

interface BodyArbitraries {
  valid: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>;
  invalid: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>;
  raw: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>;
}

const JSON_TYPE = 'application/json';
const essence = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();
/** What the framework reads as JSON (`application/json`, `application/<x>+json`). */
const isJsonType = (contentType: string) => /^application\/([\w.-]+\+)?json$/.test(essence(contentType));

function bodyArbitraries(
  world: FuzzWorld,
  ctx: SchemaContext,
  validator: SchemaValidator,
  body: NonNullable<Operation['body']>,
): BodyArbitraries {
  const declared = Object.keys(body.content);
  const jsonSchema = body.content[JSON_TYPE];
  const csv = csvText(world);
  const ok = (b: FuzzBody) => ({ body: b, mustRefuse: false });

  const valid: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>[] = [];
  const invalid: fc.Arbitrary<{ body: FuzzBody | undefined; mustRefuse: boolean }>[] = [];
  if (jsonSchema) {
    valid.push(
      validValue(ctx, jsonSchema).map((v) =>
        ok({ kind: 'text', contentType: JSON_TYPE, text: JSON.stringify(v) }),
      ),
    );
    const bad = invalidValue(ctx, jsonSchema);
    if (bad) {
      invalid.push(
        bad.map((value) => ({
          body: { kind: 'text', contentType: JSON_TYPE, text: JSON.stringify(value) ?? 'null' } as FuzzBody,
          // Only what the document itself refuses must be refused (a free-form map takes anything).
          mustRefuse: !validator.check(jsonSchema, value).valid,
        })),
      );
    }
  }
  if (declared.includes('text/csv'))
    valid.push(csv.map((text) => ok({ kind: 'text', contentType: 'text/csv', text })));
  if (declared.includes('multipart/form-data')) {
    const mode = fc.option(fc.constantFrom('set', 'delta'), { nil: undefined });
    valid.push(
      fc.tuple(csv, fc.string({ minLength: 0, maxLength: 300 }), mode).map(([file, filename, m]) =>
        ok({
          kind: 'form',
          fields: [{ name: 'file', file, filename }, ...(m ? [{ name: 'mode', value: m }] : [])],
        }),
      ),
    );
    invalid.push(
      fc
        .oneof(
          fc.constant<FormField[]>([]),
          csv.map((text): FormField[] => [{ name: 'file', value: text }]),
          fc
            .tuple(
              csv,
              fc.string().filter((m) => m !== 'set' && m !== 'delta'),
            )
            .map(([file, m]): FormField[] => [
              { name: 'file', file, filename: 'stock.csv' },
              { name: 'mode', value: m },
            ]),
        )
        .map((fields) => ({ body: { kind: 'form', fields } as FuzzBody, mustRefuse: true })),
    );
  }

  const anyValidText = fc
    .oneof(...valid)
    .map(({ body: b }) => (b?.kind === 'text' ? b.text : JSON.stringify({ sku: 'FZ-0', quantity: 1 })));
  const jsonish = (text: string, contentType: string) => {
    const body: FuzzBody = { kind: 'text', contentType, text };
    const sentJson = isJsonType(contentType);
    // A type the operation does not take is a 415 (or, for a form, a missing file).
    if (!declared.includes(essence(contentType)) && !(sentJson && jsonSchema))
      return { body, mustRefuse: true };
    // A CSV body may be anything: core reports its rows.
    if (!sentJson) return { body, mustRefuse: false };
    try {
      return { body, mustRefuse: !jsonSchema || !validator.check(jsonSchema, JSON.parse(text)).valid };
    } catch {
      return { body, mustRefuse: true };
    }
  };
  const jsonTypes = fc.constantFrom(JSON_TYPE, 'application/json; charset=utf-8', 'application/vnd.api+json');
  const raw = fc.oneof(
    // Malformed or truncated JSON.
    fc
      .tuple(anyValidText, fc.nat(), jsonTypes)
      .map(([text, cut, type]) => jsonish(text.slice(0, cut % Math.max(1, text.length)), type)),
    fc
      .tuple(
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          'nul',
          '{"sku":"x",}',
          "{'a':1}",
          '\u0000',
          '{"a":1}{"b":2}',
          '',
        ),
        jsonTypes,
      )
      .map(([text, type]) => jsonish(text, type)),
    // Numbers JSON can write but JavaScript cannot hold, deep nesting, the wrong top-level type.
    fc
      .tuple(
        anyValidText,
        fc.constantFrom(
          '1e400',
          '-1e400',
          '123456789012345678901234567890',
          '-0',
          '1.0000000000000001',
          '0.1e1',
        ),
      )
      .map(([text, n]) => jsonish(text.replace(/-?\d+(\.\d+)?/, n), JSON_TYPE)),
    fc
      .constantFrom('['.repeat(5000) + ']'.repeat(5000), '"just a string"', '42', 'null', '[]')
      .map((t) => jsonish(t, JSON_TYPE)),
    // The right text with the wrong type, or with none.
    fc
      .tuple(
        anyValidText,
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'text/csv',
          'application/octet-stream',
        ),
      )
      .map(([text, type]) => jsonish(text, type)),
    anyValidText.map((text) => ({
      body: { kind: 'text', contentType: undefined, text } as FuzzBody,
      mustRefuse: true,
    })),
    // Bytes that are not UTF-8.
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({
      body: { kind: 'bytes', contentType: JSON_TYPE, bytes: [0xff, 0xfe, ...bytes] } as FuzzBody,
      mustRefuse: true,
    })),
  );
  return {
    valid: fc.oneof(...valid),
    invalid: invalid.length > 0 ? fc.oneof(...invalid) : fc.oneof(...valid),
    raw,
  };
}

const unexpectedBody = fc.jsonValue({ maxDepth: 2 }).map((v) => ({
  body: { kind: 'text', contentType: JSON_TYPE, text: JSON.stringify(v) ?? 'null' } as FuzzBody,
  mustRefuse: false,
}));

/** Stock CSVs: mostly well formed with seeded SKUs and odd quantities, sometimes broken in every way. */
function csvText(world: FuzzWorld): fc.Arbitrary<string> {
  const sku = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.pools.skus) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const quantity = fc.oneof(
    integerIn({ minimum: -5, maximum: 500 }).map(String),
    fc.constantFrom('', 'x', '1.5', '1e9', '99999999999999999999', '-0', ' 7 ', '=1+1'),
  );
  const mode = fc.constantFrom('set', 'delta', '', 'SET', 'add');
  const location = fc.constantFrom('', 'Annex', 'Main warehouse', 'Nowhere', '"quoted, name"');
  const row = fc.tuple(sku, quantity, mode, location);
  const wellFormed = fc
    .tuple(
      fc.constantFrom(
        'sku,quantity',
        'sku,quantity,mode',
        'sku,quantity,mode,location',
        'sku,quantity,location',
        'SKU,Quantity',
      ),
      fc.array(row, { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .map(([header, rows, eol, bom]) => {
      const columns = header.split(',').length;
      const lines = rows.map(([s, q, m, l]) => [s, q, m, l].slice(0, columns).map(csvCell).join(','));
      return `${bom ? '\uFEFF' : ''}${[header, ...lines].join(eol)}${eol}`;
    });
  const broken = fc.oneof(
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.constantFrom(
      '',
      'sku,quantity',
      'sku,quantity\n"FZ-0,5\n',
      'quantity\n5\n',
      'sku,quantity\nFZ-0,1,2,3,4\n',
      'sku;quantity\nFZ-0;1\n',
    ),
  );
  return fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 1, arbitrary: broken });
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
