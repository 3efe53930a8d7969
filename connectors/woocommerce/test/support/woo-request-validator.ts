import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/** A JSON Schema as the document writes it (draft-04 style, plain objects). */
type JsonSchema = { readonly type?: string | readonly string[]; readonly items?: JsonSchema } & Record<
  string,
  unknown
>;

interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: unknown;
}

/** The parts of the OpenAPI 3.1 document the validator reads. */
export interface OpenApiDocument {
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

/** A request as the simulator logged it. */
export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  /** `?a=1&b=2`, or empty. */
  readonly query: string;
  readonly body: string;
}

/**
 * The document declares no security scheme (`security: []`): the credentials WooCommerce reads from the
 * query (OAuth 1.0a, or key and secret over TLS) are not in it, so they are set aside before validation.
 */
const AUTH_PARAMS = /^(oauth_[a-z_]+|consumer_key|consumer_secret)$/;

/**
 * Validates requests against the community WooCommerce OpenAPI document, which WordPress generated from
 * the routes' registered arguments. Two things follow from that, and the validator reads the document the
 * way WordPress reads the arguments:
 *
 * - Every argument is declared `in: query` and no operation has a `requestBody`, because WordPress takes
 *   an argument from the query or the JSON body alike. A JSON body's fields are therefore checked against
 *   the operation's arguments; a batch body against `components.schemas.batch`, and each `update[]` item
 *   against the arguments of the single-item update it stands for (`PUT /products/{id}`, or
 *   `PUT /products/{product_id}/variations/{id}`), with `id` required and nothing undeclared allowed.
 * - Query strings are strings: an `integer` argument is read from digits, and an `array` argument from a
 *   comma- or space-separated list (`rest_sanitize_array` / `wp_parse_list`), before ajv checks the value.
 */
export class WooRequestValidator {
  readonly #doc: OpenApiDocument;
  readonly #basePath: string;
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #templates: readonly { template: string; regex: RegExp; names: string[] }[];

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    this.#basePath = new URL(doc.servers[0]!.url).pathname.replace(/\/+$/, '');
    // strict: false because WordPress schemas carry annotations ajv does not know; formats are checked.
    this.#ajv = new Ajv({ strict: false, allErrors: true });
    ajvFormats.default(this.#ajv);
    this.#templates = Object.keys(doc.paths)
      .map((template) => {
        const names: string[] = [];
        const pattern = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
        return { template, regex: new RegExp(`^${pattern}$`), names };
      })
      // A literal segment beats a template (`/products/batch` is not `/products/{id}`).
      .sort((a, b) => a.names.length - b.names.length);
  }

  /** The operation a request matches, as `METHOD /template`, or `undefined`. */
  operationOf(request: CapturedRequest): string | undefined {
    const match = this.#match(request);
    return match && `${request.method.toUpperCase()} ${match.template}`;
  }

  /** Every problem found; an empty list means the request is what the document describes. */
  validate(request: CapturedRequest): string[] {
    const match = this.#match(request);
    if (!match) return [`${request.method} ${request.path}: no such path in the document`];
    const operation = this.#doc.paths[match.template]?.[request.method.toLowerCase()];
    if (!operation) return [`${request.method} ${match.template}: no such operation in the document`];
    const label = `${request.method} ${match.template}`;
    const params = operation.parameters ?? [];
    const problems: string[] = [];

    params
      .filter((p) => p.in === 'path')
      .forEach((p) => {
        const raw = match.values[p.name];
        if (raw === undefined) problems.push(`${label}: path parameter ${p.name} missing`);
        else problems.push(...this.#check(`${label} path ${p.name}`, p.schema, fromQuery(p.schema, raw)));
      });

    const query = new URLSearchParams(request.query);
    const declared = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    for (const name of new Set(query.keys())) {
      if (AUTH_PARAMS.test(name)) continue;
      const param = declared.get(name);
      if (!param) {
        problems.push(`${label}: query parameter ${name} is not declared`);
        continue;
      }
      const values = query.getAll(name);
      if (values.length > 1) problems.push(`${label}: query parameter ${name} given ${values.length} times`);
      problems.push(
        ...this.#check(`${label} query ${name}`, param.schema, fromQuery(param.schema, values[0]!)),
      );
    }
    for (const param of declared.values()) {
      if (param.required && !query.has(param.name))
        problems.push(`${label}: query parameter ${param.name} required`);
    }

    if (request.body !== '')
      problems.push(...this.#validateBody(label, match.template, params, request.body));
    return problems;
  }

  #validateBody(label: string, template: string, params: readonly Parameter[], rawBody: string): string[] {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return [`${label}: the body is not JSON`];
    }
    if (!template.endsWith('/batch')) {
      return this.#check(`${label} body`, argumentsSchema(params.filter((p) => p.in === 'query')), body);
    }
    const batchSchema = this.#doc.components.schemas.batch;
    if (!batchSchema) return [`${label}: the document has no components.schemas.batch`];
    const problems = this.#check(`${label} body`, batchSchema, body);
    const single = this.#doc.paths[template.replace(/\/batch$/, '/{id}')]?.put;
    if (!single) return [...problems, `${label}: no single-item PUT to check batch items against`];
    const idParam = single.parameters?.find((p) => p.in === 'path' && p.name === 'id');
    const itemSchema: JsonSchema = {
      ...argumentsSchema((single.parameters ?? []).filter((p) => p.in === 'query')),
      required: ['id'],
    };
    (itemSchema.properties as Record<string, JsonSchema>).id = idParam?.schema ?? { type: 'integer' };
    const update = (body as { update?: unknown }).update;
    if (Array.isArray(update)) {
      update.forEach((item, i) => {
        problems.push(...this.#check(`${label} update[${i}]`, itemSchema, item));
      });
    }
    return problems;
  }

  #check(where: string, schema: JsonSchema, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile(schema);
      this.#compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message ?? 'invalid'}`);
  }

  #match(request: CapturedRequest): { template: string; values: Record<string, string> } | undefined {
    if (!request.path.startsWith(`${this.#basePath}/`)) return undefined;
    const path = request.path.slice(this.#basePath.length);
    for (const { template, regex, names } of this.#templates) {
      const found = regex.exec(path);
      if (!found) continue;
      if (!this.#doc.paths[template]?.[request.method.toLowerCase()]) continue;
      const values: Record<string, string> = {};
      names.forEach((name, i) => {
        values[name] = decodeURIComponent(found[i + 1]!);
      });
      return { template, values };
    }
    return undefined;
  }
}

/** An object whose fields are the operation's arguments, nothing else. */
function argumentsSchema(params: readonly Parameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

/** A query-string value read the way WordPress reads it for the argument's schema. */
function fromQuery(schema: JsonSchema, raw: string): unknown {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) {
    return raw
      .split(/[\s,]+/)
      .filter((part) => part !== '')
      .map((part) => fromQuery(schema.items ?? {}, part));
  }
  if (types.includes('integer') && /^-?\d+$/.test(raw)) return Number(raw);
  if (types.includes('number') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (types.includes('boolean') && ['true', 'false', '1', '0'].includes(raw))
    return raw === 'true' || raw === '1';
  return raw;
}
