import type { z } from 'zod';
import type { ConnectorContext } from '../contract/context.ts';
import { ChannelError } from '../errors/channel-error.ts';
import { classifyError } from '../errors/classify-error.ts';
import { classifyStatus } from '../errors/classify-status.ts';
import { parseRetryAfter } from '../errors/retry-after.ts';

/** A non-2xx answer, for a connector to pull the channel's own error code out of. */
export interface ErrorResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly rawBody: string;
}

/** A connector's reading of a channel error body; each field overrides the status-based default. */
export interface ErrorDescription {
  readonly code?: string;
  readonly message?: string;
  readonly retryable?: boolean;
}

export interface JsonRequest<T> {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as-is (already serialised: a signature may cover these exact bytes); JSON content type by default. */
  readonly body?: string;
  /** Validates a 2xx body; an empty body is parsed as `undefined`, so use `.optional()` where that is allowed. */
  readonly schema: z.ZodType<T>;
  /** Overrides the context's timeout for this call. */
  readonly timeoutMs?: number;
  readonly describeError?: (response: ErrorResponse) => ErrorDescription | undefined;
}

export interface JsonResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly rawBody: string;
}

/**
 * One HTTP call with a timeout, the context's abort signal and classified failures: it resolves with a
 * 2xx body that passed the schema, or throws a `ChannelError` (transient or permanent, with retry-after).
 *
 * @example
 * ```ts
 * const res = await requestJson(ctx, {
 *   method: 'GET',
 *   url: withEndpoint(`${shopUrl}/items?sku=A`, ctx.endpoint),
 *   schema: z.object({ items: z.array(z.object({ sku: z.string(), quantity: z.number() })) }),
 * });
 * ```
 */
export async function requestJson<T>(
  ctx: Pick<ConnectorContext, 'fetch' | 'signal' | 'timeoutMs' | 'clock'>,
  request: JsonRequest<T>,
): Promise<JsonResponse<T>> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, request.headers);

  let response: Response;
  let rawBody: string;
  try {
    response = await ctx.fetch(request.url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body,
      signal,
    });
    // The body is read under the same signal: a channel that sends headers and then stalls still times out.
    rawBody = await response.text();
  } catch (error) {
    throw classifyError(error);
  }

  if (!response.ok) {
    const byStatus = classifyStatus(response.status);
    const described = request.describeError?.({
      status: response.status,
      headers: response.headers,
      rawBody,
    });
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), ctx.clock.now());
    throw new ChannelError({
      retryable: described?.retryable ?? byStatus.retryable,
      code: described?.code ?? byStatus.code,
      message: described?.message ?? `HTTP ${response.status}${rawBody ? `: ${rawBody.slice(0, 300)}` : ''}`,
      status: response.status,
      headers: response.headers,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  try {
    const parsed = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
    return {
      status: response.status,
      headers: response.headers,
      body: request.schema.parse(parsed),
      rawBody,
    };
  } catch (error) {
    throw classifyError(error);
  }
}
