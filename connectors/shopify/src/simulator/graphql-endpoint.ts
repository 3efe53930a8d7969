import type { Clock } from '@ballast/connector-kit';
import { json, type RateLimiter, type SimHandler, type SimResponse } from '@ballast/connector-kit/testing';
import {
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { MAX_QUERY_COST } from '../cost-model.ts';
import { simulatorSchema } from './admin-schemas.ts';
import type { IdempotencyCache } from './idempotency-cache.ts';
import { operationCost } from './query-cost.ts';
import { rootResolvers } from './root-resolvers.ts';
import type { UserErrorMode } from './set-quantities-mutation.ts';
import type { ShopState } from './shop-state.ts';

/** The version Shopify's published introspection describes. */
export const INTROSPECTED_VERSION = '2025-01';

export interface GraphqlEndpointOptions {
  readonly version: string;
  readonly state: ShopState;
  readonly limiter: RateLimiter;
  readonly idempotency: IdempotencyCache;
  readonly accessToken: string;
  readonly userErrorMode: UserErrorMode;
  /** The status of a THROTTLED answer (**unconfirmed**: reported both ways). */
  readonly throttledStatus: 200 | 429;
  /** Whether a throttled 429 also carries `Retry-After` (seconds). */
  readonly throttledRetryAfter: boolean;
  /** Shopify's real 2025-01 schema; requests for that version are validated against it first. */
  readonly introspectionSchema: GraphQLSchema | undefined;
  readonly mutationDelayMs: number;
  readonly clock: Clock;
}

const graphqlErrors = (errors: readonly GraphQLError[], code: string) =>
  errors.map((e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code } }));

/**
 * `POST /admin/api/{version}/graphql.json`: authenticates, parses with graphql-js, validates (against the
 * real schema for 2025-01 when given, and always against the slice it executes), prices the operation,
 * charges the cost bucket (THROTTLED with no `data` when it cannot), executes, and reports the cost.
 */
export function graphqlEndpoint(options: GraphqlEndpointOptions): SimHandler {
  const schema = simulatorSchema(options.version);
  const throttleStatus = () => {
    const bucket = options.limiter.state().find((s) => s.model.kind === 'cost-bucket');
    const model = bucket?.model.kind === 'cost-bucket' ? bucket.model : undefined;
    return {
      maximumAvailable: model?.capacity ?? 0,
      currentlyAvailable: Math.max(0, Math.floor(bucket?.remaining ?? 0)),
      restoreRate: model?.restorePerSec ?? 0,
    };
  };
  const costOf = (requested: number, actual: number | null) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus() },
  });

  // Parsed and validated once per distinct document, as a real server caches them.
  const checkedDocuments = new Map<string, { document: DocumentNode } | { errors: readonly object[] }>();
  const checkDocument = (query: string) => {
    let checked = checkedDocuments.get(query);
    if (!checked) {
      checked = parseAndValidate(query, schema, options);
      checkedDocuments.set(query, checked);
    }
    return checked;
  };

  return async (request) => {
    if (request.headers.get('x-shopify-access-token') !== options.accessToken) {
      return json(401, {
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    }
    const body = readBody(request.rawBody);
    if (!body) return json(400, { errors: { query: 'Required parameter missing or invalid' } });

    const checked = checkDocument(body.query);
    if ('errors' in checked) return json(200, { errors: checked.errors });
    const { document } = checked;
    const operation = operationOf(document, body.operationName);
    if (!operation)
      return json(200, { errors: [{ message: 'No operation to run', extensions: { code: 'BAD_REQUEST' } }] });
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables);
    if (variables.errors) return json(200, { errors: graphqlErrors(variables.errors, 'INVALID_VARIABLE') });

    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const requested = operationCost(schema, operation, fragments, variables.coerced);
    if (requested > MAX_QUERY_COST) {
      return json(200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST },
          },
        ],
        extensions: costOf(requested, null),
      });
    }
    const decision = options.limiter.admit(requested);
    if (!decision.allowed)
      return throttled(options, requested, decision.retryAfterMs, costOf(requested, null));

    const result = await execute({
      schema,
      document,
      rootValue: rootResolvers({
        schema,
        version: options.version,
        state: options.state,
        mode: options.userErrorMode,
        partialFailureFor: (sku) => request.partialFailureFor(sku),
        now: options.clock.now(),
        idempotency: options.idempotency,
        mutationDelayMs: options.mutationDelayMs,
        sleep: (ms) => (ms > 0 ? options.clock.sleep(ms) : Promise.resolve()),
      }),
      variableValues: body.variables,
      ...(body.operationName ? { operationName: body.operationName } : {}),
    });
    return json(200, {
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: costOf(requested, requested),
    });
  };
}

function parseAndValidate(
  query: string,
  schema: GraphQLSchema,
  options: GraphqlEndpointOptions,
): { document: DocumentNode } | { errors: readonly object[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    const parseError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    return { errors: graphqlErrors([parseError], 'PARSE_ERROR') };
  }
  if (options.version === INTROSPECTED_VERSION && options.introspectionSchema) {
    const invalid = validate(options.introspectionSchema, document);
    if (invalid.length > 0) return { errors: graphqlErrors(invalid, 'GRAPHQL_VALIDATION_FAILED') };
  }
  // Valid for Shopify but outside the slice the simulator implements: say so the same way.
  const unimplemented = validate(schema, document);
  if (unimplemented.length > 0) return { errors: graphqlErrors(unimplemented, 'GRAPHQL_VALIDATION_FAILED') };
  return { document };
}

function throttled(
  options: GraphqlEndpointOptions,
  requested: number,
  retryAfterMs: number,
  extensions: object,
): SimResponse {
  const headers: Record<string, string> =
    options.throttledStatus === 429 && options.throttledRetryAfter
      ? { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) }
      : {};
  return json(
    options.throttledStatus,
    {
      errors: [
        {
          message: 'Throttled',
          extensions: {
            code: 'THROTTLED',
            documentation: 'https://shopify.dev/api/usage/rate-limits',
            requestedQueryCost: requested,
          },
        },
      ],
      extensions,
    },
    headers,
  );
}

interface GraphqlBody {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

function readBody(rawBody: string): GraphqlBody | undefined {
  try {
    const body: unknown = JSON.parse(rawBody);
    if (typeof body !== 'object' || body === null || !('query' in body) || typeof body.query !== 'string') {
      return undefined;
    }
    const variables =
      'variables' in body && typeof body.variables === 'object' && body.variables ? body.variables : {};
    const operationName =
      'operationName' in body && typeof body.operationName === 'string' ? body.operationName : undefined;
    return {
      query: body.query,
      variables: variables as Record<string, unknown>,
      ...(operationName ? { operationName } : {}),
    };
  } catch {
    return undefined;
  }
}

function operationOf(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return name
    ? operations.find((o) => o.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined;
}
