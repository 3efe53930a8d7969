import { type ClaimedPair, deferPair } from '../claim/settle-pairs.ts';
import type { EngineContext } from '../round/engine-context.ts';
import { retryDelayMs } from './backoff.ts';

export interface Failure {
  retryable: boolean;
  code: string;
  message: string;
  retryAfterMs?: number | undefined;
}

export interface FailureOutcome {
  status: 'failed' | 'retrying';
  /** true: the pair is done (remove its mark); false: it was put back for a later try. */
  settle: boolean;
  code: string;
  message: string;
}

/**
 * What a failed call means for one claimed pair (`attempts` tries used so far): a permanent failure is
 * final; a transient one puts the pair back with backoff until `ctx.maxAttempts`, and a rate limit waits
 * without using up an attempt.
 */
export async function failureOutcome(
  ctx: EngineContext,
  pair: ClaimedPair,
  attempts: number,
  failure: Failure,
  throttled = false,
): Promise<FailureOutcome> {
  const { code, message } = failure;
  if (!failure.retryable) return { status: 'failed', settle: true, code, message };
  const rateLimited = throttled || code === 'throttled' || code === 'rate_limited';
  const attempt = attempts + (rateLimited ? 0 : 1);
  if (!rateLimited && attempt >= ctx.maxAttempts) {
    return {
      status: 'failed',
      settle: true,
      code,
      message: `${message} (gave up after ${attempt} attempts)`,
    };
  }
  const delay = retryDelayMs(Math.max(1, attempt), ctx.backoff, failure.retryAfterMs);
  await deferPair(ctx.db, ctx.workerId, pair, ctx.now() + delay, !rateLimited);
  return { status: 'retrying', settle: false, code, message };
}
