import type { BatchResult, ItemResult } from '../contract/quantity-update.ts';
import { ChannelError } from './channel-error.ts';
import { classifyError } from './classify-error.ts';

/**
 * The result of a call that failed as a whole: every update gets the same transient or permanent outcome,
 * and a retry-after becomes rate feedback so the pacer holds every call back, not only these items.
 */
export function failBatch(batch: readonly { readonly key: string }[], error: unknown): BatchResult {
  const failure = error instanceof ChannelError ? error : classifyError(error);
  const items: ItemResult[] = batch.map(({ key }) =>
    failure.retryable
      ? {
          key,
          status: 'transient',
          code: failure.code,
          message: failure.message,
          ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
        }
      : { key, status: 'permanent', code: failure.code, message: failure.message },
  );
  return failure.retryAfterMs === undefined
    ? { items }
    : { items, rateFeedback: { retryAfterMs: failure.retryAfterMs } };
}
