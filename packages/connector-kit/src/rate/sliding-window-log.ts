/**
 * Grants at most `limit` units in any interval of `windowMs`. The pacer uses it for fixed-window and daily
 * quotas because it does not know where the channel's windows start: a sliding limit is safe against any
 * alignment. A ring buffer of the last `limit` grant times is all it needs.
 */
export class SlidingWindowLog {
  readonly limit: number;
  readonly windowMs: number;
  readonly #grants: Float64Array;
  #next = 0;
  #count = 0;

  constructor(limit: number, windowMs: number) {
    if (!Number.isInteger(limit) || limit <= 0 || !(windowMs > 0)) {
      throw new RangeError(
        `SlidingWindowLog needs a positive integer limit and window (got ${limit}, ${windowMs})`,
      );
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.#grants = new Float64Array(limit);
  }

  /** Milliseconds until one more grant stays within the limit. */
  delayFor(now: number): number {
    if (this.#count < this.limit) return 0;
    // Full ring: the slot about to be overwritten holds the oldest of the last `limit` grants.
    const oldest = this.#grants[this.#next] ?? 0;
    return Math.max(0, oldest + this.windowMs - now);
  }

  /** Moves the latest grant to `now` (later only): the call was counted when it arrived, not when booked. */
  retimeLast(now: number): void {
    if (this.#count === 0) return;
    const last = (this.#next + this.limit - 1) % this.limit;
    this.#grants[last] = Math.max(this.#grants[last] ?? 0, now);
  }

  take(now: number): void {
    this.#grants[this.#next] = now;
    this.#next = (this.#next + 1) % this.limit;
    this.#count = Math.min(this.#count + 1, this.limit);
  }
}
