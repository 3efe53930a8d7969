/**
 * A bucket of `capacity` units refilled continuously at `refillPerSec`. Models both a requests/s token
 * bucket and a cost-point leaky bucket (the same arithmetic); shared by the pacer and the simulators.
 */
export class TokenBucket {
  #capacity: number;
  #refillPerSec: number;
  #level: number;
  #at: number;

  constructor(capacity: number, refillPerSec: number, now: number, initialLevel = capacity) {
    if (!(capacity > 0) || !(refillPerSec > 0)) {
      throw new RangeError(
        `TokenBucket needs a positive capacity and rate (got ${capacity}, ${refillPerSec})`,
      );
    }
    this.#capacity = capacity;
    this.#refillPerSec = refillPerSec;
    this.#level = Math.min(initialLevel, capacity);
    this.#at = now;
  }

  get capacity(): number {
    return this.#capacity;
  }

  get refillPerSec(): number {
    return this.#refillPerSec;
  }

  /** Units available at `now`. */
  level(now: number): number {
    this.#refill(now);
    return this.#level;
  }

  /** Milliseconds until `amount` units are available (0 when they are now). Amounts above capacity wait for a full bucket. */
  delayFor(amount: number, now: number): number {
    const needed = Math.min(amount, this.#capacity) - this.level(now);
    return needed <= 0 ? 0 : (needed / this.#refillPerSec) * 1000;
  }

  /** Takes `amount` units when available; returns whether it did. */
  tryTake(amount: number, now: number): boolean {
    if (this.delayFor(amount, now) > 0) return false;
    this.#level -= Math.min(amount, this.#capacity);
    return true;
  }

  /** Takes `amount` units unconditionally; the level may go below zero (debt repaid by refill). */
  take(amount: number, now: number): void {
    this.#refill(now);
    this.#level -= amount;
  }

  /** Replaces the model with what the channel reported. */
  reset(level: number, now: number, capacity = this.#capacity, refillPerSec = this.#refillPerSec): void {
    this.#capacity = capacity;
    this.#refillPerSec = refillPerSec;
    this.#level = Math.min(level, capacity);
    this.#at = now;
  }

  #refill(now: number): void {
    if (now > this.#at) {
      this.#level = Math.min(this.#capacity, this.#level + ((now - this.#at) / 1000) * this.#refillPerSec);
      this.#at = now;
    }
  }
}
