import {
  type ConnectorContext,
  type JsonResponse,
  requestJson,
  signStandardWebhook,
} from '@ballast/connector-kit';
import type { z } from 'zod';
import { messageIdFor } from './message-id.ts';

export interface SignedCall<T> {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** The exact bytes sent and signed; GETs sign the empty string. */
  readonly body: string;
  /** What makes this message this message: its retries reuse the same `webhook-id`. */
  readonly identity: readonly string[];
  readonly schema: z.ZodType<T>;
}

/** One Standard Webhooks-signed call to the merchant's system, timed out and classified by the kit. */
export function signedRequest<T>(
  ctx: ConnectorContext,
  secret: string,
  timeoutMs: number,
  call: SignedCall<T>,
): Promise<JsonResponse<T>> {
  const headers = signStandardWebhook({
    secret,
    id: messageIdFor(`${call.method} ${new URL(call.url).pathname}`, call.identity),
    timestamp: new Date(ctx.clock.now()),
    body: call.body,
  });
  return requestJson(ctx, {
    method: call.method,
    url: call.url,
    headers: { ...headers, 'user-agent': 'ballast-connector-webhook/0.1' },
    ...(call.method === 'POST' ? { body: call.body } : {}),
    schema: call.schema,
    timeoutMs,
  });
}
