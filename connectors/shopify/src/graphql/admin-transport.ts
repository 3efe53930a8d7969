import {
  ChannelError,
  type ConnectorContext,
  classifyError,
  classifyStatus,
  parseRetryAfter,
  withEndpoint,
} from '@ballast/connector-kit';
import { createAdminApiClient } from '@shopify/admin-api-client';
import type { ShopifyConfig } from '../config.ts';
import { type GraphqlEnvelope, graphqlEnvelopeSchema } from './envelope.ts';

/** A GraphQL answer as it arrived: 200 (maybe with errors), or a 429 whose body is a throttled envelope. */
export interface GraphqlReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GraphqlEnvelope;
}

/** Posts one GraphQL document to the shop's Admin API. */
export type GraphqlTransport = (
  document: string,
  variables: Readonly<Record<string, unknown>>,
) => Promise<GraphqlReply>;

/**
 * The Admin API over `@shopify/admin-api-client`. The official client builds the URL and headers; we keep
 * the parts that must be ours:
 *
 * - `customFetchApi` is the context's fetch, with the URL pointed at the endpoint override (the client
 *   forces https on the shop domain; the simulator speaks plain http on 127.0.0.1);
 * - `retries: 0`: the engine retries, with backoff and attempt accounting (the client's own retry would
 *   also read `Retry-After` as milliseconds, 1000x too early);
 * - `client.fetch` rather than `client.request`: `request` keeps only the status text of a non-2xx answer
 *   and rewraps network errors without their cause, and we need both the body (a 429 carries the throttle
 *   status) and the cause (a reset is transient, a bad certificate is not). The cause is kept aside per
 *   request, keyed by the request's own abort signal.
 */
export function createAdminTransport(config: ShopifyConfig, ctx: ConnectorContext): GraphqlTransport {
  const endpoint = ctx.endpoint ?? config.endpoint;
  const timeoutMs = Math.min(config.timeoutMs, ctx.timeoutMs);
  const failures = new WeakMap<AbortSignal, ChannelError>();

  const client = createAdminApiClient({
    storeDomain: config.shopDomain,
    apiVersion: config.apiVersion,
    accessToken: config.accessToken,
    userAgentPrefix: 'ballast-connector-shopify/0.1',
    retries: 0,
    customFetchApi: async (url, init) => {
      try {
        return await ctx.fetch(withEndpoint(url, endpoint), init);
      } catch (error) {
        if (init?.signal) failures.set(init.signal, classifyError(error));
        throw error;
      }
    },
    logger: (entry) => {
      if (entry.type === 'Unsupported_Api_Version') {
        ctx.logger.warn('Shopify API version is outside the supported window', {
          apiVersion: config.apiVersion,
        });
      }
    },
  });

  return async (document, variables) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
    let response: Response;
    let rawBody: string;
    try {
      response = await client.fetch(document, { variables: { ...variables }, signal });
      // Read under the same signal: a shop that sends headers and then stalls still times out.
      rawBody = await response.text();
    } catch (error) {
      throw failures.get(signal) ?? classifyError(signal.aborted ? signal.reason : error);
    }
    const body = parseEnvelope(rawBody);
    // A 429 with a GraphQL body is Shopify's throttled answer (the status is unconfirmed: 200 or 429).
    if (response.ok || (response.status === 429 && body !== undefined)) {
      if (body === undefined) {
        throw new ChannelError({
          retryable: true,
          code: 'malformed_body',
          message: `Shopify answered ${response.status} with an unreadable body: ${rawBody.slice(0, 200)}`,
          status: response.status,
        });
      }
      return { status: response.status, headers: response.headers, body };
    }
    throw httpFailure(response, rawBody, ctx.clock.now());
  };
}

function parseEnvelope(rawBody: string): GraphqlEnvelope | undefined {
  try {
    const parsed = graphqlEnvelopeSchema.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A non-2xx answer: classified by status, with Shopify's own message (`{"errors": "..."}`) when there is one. */
function httpFailure(response: Response, rawBody: string, now: number): ChannelError {
  const byStatus = classifyStatus(response.status);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  return new ChannelError({
    retryable: byStatus.retryable,
    code: byStatus.code,
    message: `Shopify answered HTTP ${response.status}: ${shopifyMessage(rawBody)}`,
    status: response.status,
    headers: response.headers,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function shopifyMessage(rawBody: string): string {
  try {
    const body: unknown = JSON.parse(rawBody);
    if (typeof body === 'object' && body !== null && 'errors' in body) {
      const { errors } = body;
      return (typeof errors === 'string' ? errors : JSON.stringify(errors)).slice(0, 300);
    }
  } catch {
    // not JSON: show the raw start below
  }
  return rawBody.slice(0, 300) || '(empty body)';
}
