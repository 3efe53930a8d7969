import { type RateFeedback, type RateModel, type RateModels, rateModelList } from '@ballast/connector-kit';

/** One model's bookkeeping, small enough to store as JSON and share between worker processes. */
export type GateState =
  | { kind: 'bucket'; level: number; at: number }
  | { kind: 'window'; windowStart: number; used: number };

export interface RateState {
  gates: GateState[];
  /** Nothing may be sent before this time (a channel's retry-after or an exhausted quota). */
  blockedUntil: number;
}

const DAY_MS = 86_400_000;

export function initialRateState(models: RateModels, now: number): RateState {
  return {
    gates: rateModelList(models).map((model) =>
      model.kind === 'token-bucket' || model.kind === 'cost-bucket'
        ? { kind: 'bucket', level: capacityOf(model), at: now }
        : { kind: 'window', windowStart: now, used: 0 },
    ),
    blockedUntil: 0,
  };
}

/**
 * Books one call of `cost` points and says how long the caller must wait before sending it. Buckets go into
 * debt that refill repays, so reservations made back to back are spaced out exactly; a full window books
 * into the next one. The state passed in is not changed.
 */
export function reserve(
  models: RateModels,
  state: RateState,
  cost: number,
  now: number,
): { state: RateState; waitMs: number } {
  const list = rateModelList(models);
  let waitMs = Math.max(0, state.blockedUntil - now);
  const gates = list.map((model, i): GateState => {
    const gate = state.gates[i];
    if (model.kind === 'token-bucket' || model.kind === 'cost-bucket') {
      const capacity = capacityOf(model);
      const current = gate?.kind === 'bucket' ? gate : { level: capacity, at: now };
      const units = model.kind === 'cost-bucket' ? Math.min(cost, capacity) : 1;
      const level = levelAt(model, current, now) - units;
      if (level < 0) waitMs = Math.max(waitMs, (-level / rateOf(model)) * 1000);
      return { kind: 'bucket', level, at: now };
    }
    const windowMs = model.kind === 'daily-quota' ? DAY_MS : model.windowMs;
    let current = gate?.kind === 'window' ? gate : { windowStart: now, used: 0 };
    if (now >= current.windowStart + windowMs) current = { windowStart: now, used: 0 };
    if (current.used < model.limit)
      return { kind: 'window', windowStart: current.windowStart, used: current.used + 1 };
    const nextStart = current.windowStart + windowMs;
    waitMs = Math.max(waitMs, nextStart - now);
    return { kind: 'window', windowStart: nextStart, used: 1 };
  });
  return { state: { gates, blockedUntil: state.blockedUntil }, waitMs: Math.ceil(waitMs) };
}

/**
 * Corrects the state with what the channel itself reported after a call. `sentAt` is when the call's
 * reservation let it go (reservation time + wait; default `now`).
 */
export function observe(
  models: RateModels,
  state: RateState,
  feedback: RateFeedback,
  now: number,
  sentAt = now,
): RateState {
  const list = rateModelList(models);
  let blockedUntil = state.blockedUntil;
  if (feedback.retryAfterMs && feedback.retryAfterMs > 0)
    blockedUntil = Math.max(blockedUntil, now + feedback.retryAfterMs);
  const gates = list.map((model, i): GateState => {
    const gate = state.gates[i] ?? initialRateState([model], now).gates[0]!;
    if (model.kind === 'cost-bucket' && feedback.costBucket) {
      // The channel's own count is the truth (it already refunded what the call cost less than estimated),
      // except for calls it has not seen yet: debt left in the model once this call was due is booked by
      // reservations due later (another worker's, sharing this state). Forgetting it would let the next
      // reservation go at the same moment as those calls, and one of them would be throttled. The debt is
      // read at this call's due time, not now: refill since then is already in the channel's count.
      const booked = gate.kind === 'bucket' ? levelAt(model, gate, Math.min(sentAt, now)) : 0;
      return { kind: 'bucket', level: feedback.costBucket.available + Math.min(0, booked), at: now };
    }
    if ((model.kind === 'fixed-window' || model.kind === 'daily-quota') && feedback.quotas) {
      const quota = feedback.quotas.find((q) => q.kind === model.kind);
      if (quota && quota.remaining <= 0) {
        const windowMs = model.kind === 'daily-quota' ? DAY_MS : model.windowMs;
        blockedUntil = Math.max(blockedUntil, now + (quota.resetInMs ?? windowMs));
      }
    }
    return gate;
  });
  return { gates, blockedUntil };
}

/**
 * A bucket's level at `at`: what it held at its last update plus the refill since, up to capacity. A time
 * before that update (another worker wrote the state meanwhile, or the caller read its clock before waiting
 * for the state's lock) takes the refill back, so that no stretch of refill is counted twice.
 */
function levelAt(model: RateModel, gate: { level: number; at: number }, at: number): number {
  return Math.min(capacityOf(model), gate.level + ((at - gate.at) / 1000) * rateOf(model));
}

function capacityOf(model: RateModel): number {
  if (model.kind === 'token-bucket') return model.burst;
  if (model.kind === 'cost-bucket') return model.capacity;
  return model.limit;
}

function rateOf(model: RateModel): number {
  if (model.kind === 'token-bucket') return model.ratePerSec;
  if (model.kind === 'cost-bucket') return model.restorePerSec;
  return 0;
}
