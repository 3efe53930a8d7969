export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 15 * 60_000 };

/**
 * Delay before retry number `attempt` (1 = first retry): exponential with "equal jitter", so a crowd of
 * failed pairs does not come back at the same instant, yet never retries sooner than half the step.
 * A channel's own retry-after wins when it asks for longer.
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}
