import { ChannelError, parseRetryAfter } from '@ballast/connector-kit';
import type { GraphqlReply } from './admin-transport.ts';
import type { GraphqlError } from './envelope.ts';
import { throttleWaitMs } from './throttle.ts';

/** Top-level error codes and whether the same request may succeed later. */
const TOP_LEVEL_CODES: Readonly<Record<string, { readonly retryable: boolean; readonly code: string }>> = {
  THROTTLED: { retryable: true, code: 'throttled' },
  INTERNAL_SERVER_ERROR: { retryable: true, code: 'internal_error' },
  ACCESS_DENIED: { retryable: false, code: 'access_denied' },
  MAX_COST_EXCEEDED: { retryable: false, code: 'max_cost_exceeded' },
};

/**
 * Whether a GraphQL answer failed as a whole: THROTTLED (as a 200 or a 429), no `data`, or an error not
 * scoped to one field. Errors with a `path` are left to the caller, which knows which item the path names.
 */
export function wholeCallFailure(reply: GraphqlReply, now: number): ChannelError | undefined {
  const errors = reply.body.errors ?? [];
  if (reply.status === 429 || errors.some((e) => e.extensions?.code === 'THROTTLED')) {
    return throttled(reply, now);
  }
  const unscoped = errors.find((e) => !e.path || e.path.length === 0);
  const first = unscoped ?? (reply.body.data == null ? errors[0] : undefined);
  return first ? errorOf(first, errors.length) : undefined;
}

/** An error scoped to one field: permanent unless Shopify marks it otherwise. */
export function fieldError(error: GraphqlError): ChannelError {
  return errorOf(error, 1);
}

function errorOf(error: GraphqlError, count: number): ChannelError {
  const shopifyCode = error.extensions?.code;
  const known = shopifyCode === undefined ? undefined : TOP_LEVEL_CODES[shopifyCode];
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return new ChannelError({
    // GraphQL validation errors (an unknown field, a wrong type) are our request's fault: retrying cannot help.
    retryable: known?.retryable ?? false,
    code: known?.code ?? 'graphql_error',
    message: `Shopify: ${error.message}${shopifyCode ? ` [${shopifyCode}]` : ''}${more}`,
  });
}

/** THROTTLED: wait for the bucket deficit, or the `Retry-After` a 429 carries, whichever is longer. */
function throttled(reply: GraphqlReply, now: number): ChannelError {
  const fromBucket = throttleWaitMs(reply.body.extensions?.cost);
  const fromHeader = parseRetryAfter(reply.headers.get('retry-after'), now);
  const waits = [fromBucket, fromHeader].filter((ms): ms is number => ms !== undefined);
  const retryAfterMs = waits.length > 0 ? Math.max(...waits) : 1_000;
  return new ChannelError({
    retryable: true,
    code: 'throttled',
    message: `Shopify throttled the request (HTTP ${reply.status}); the cost bucket refills in ${retryAfterMs} ms`,
    status: reply.status,
    retryAfterMs,
  });
}
