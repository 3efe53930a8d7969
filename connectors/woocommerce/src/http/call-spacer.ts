import { type Clock, TokenBucket } from '@ballast/connector-kit';

/**
 * Spaces the HTTP calls of one client method that go beyond what the engine paced for it. The engine
 * books `allowance` calls before the method runs (1 for a lookup, the estimated cost of a batch, capped at
 * the burst); a lookup that pages, or a batch split over many variable products, makes more, and those
 * go out at the configured sustained rate instead of all at once.
 */
export class CallSpacer {
  readonly #clock: Clock;
  readonly #bucket: TokenBucket;
  readonly #signal: AbortSignal | undefined;

  constructor(clock: Clock, ratePerSec: number, allowance: number, signal?: AbortSignal) {
    this.#clock = clock;
    this.#bucket = new TokenBucket(Math.max(1, allowance), ratePerSec, clock.now());
    this.#signal = signal;
  }

  /** Waits until the next call may go, and books it. */
  async next(): Promise<void> {
    const wait = this.#bucket.delayFor(1, this.#clock.now());
    if (wait > 0) await this.#clock.sleep(wait, this.#signal);
    this.#bucket.take(1, this.#clock.now());
  }
}
