/**
 * At most `limit` units per window `[origin + k*windowMs, origin + (k+1)*windowMs)`, the way a channel
 * counts a quota. The simulators enforce quotas with it; with `origin` 0 and a day-long window the windows
 * are UTC calendar days.
 */
export class FixedWindowCounter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #origin: number;
  #windowStart = Number.NEGATIVE_INFINITY;
  #used = 0;

  constructor(limit: number, windowMs: number, origin = 0) {
    if (!(limit > 0) || !(windowMs > 0)) {
      throw new RangeError(
        `FixedWindowCounter needs a positive limit and window (got ${limit}, ${windowMs})`,
      );
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.#origin = origin;
  }

  remaining(now: number): number {
    this.#roll(now);
    return this.limit - this.#used;
  }

  /** Milliseconds until the current window ends. */
  resetInMs(now: number): number {
    this.#roll(now);
    return this.#windowStart + this.windowMs - now;
  }

  tryTake(now: number, amount = 1): boolean {
    if (this.remaining(now) < amount) return false;
    this.#used += amount;
    return true;
  }

  #roll(now: number): void {
    const start = this.#origin + Math.floor((now - this.#origin) / this.windowMs) * this.windowMs;
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#used = 0;
    }
  }
}
