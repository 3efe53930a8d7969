import { type Clock, TokenBucket } from '@ballast/connector-kit';

/**
 * Spaces the HTTP calls of one client method that go beyond what the engine paced for it. The engine
 * books `allowance` calls before the method runs (1 for a lookup, the estimated cost of a batch, capped at
 * the burst); a lookup that pages, or a batch split over many variable products, makes more, and those
 * go out at the configured sustained rate instead of all at once.
 *
 * Calls run one at a time and each is booked when it completes: the host counted it somewhere between
 * sending and answering, so booking at the answer keeps our model at or below the host's budget whatever
 * the latency (the kit's pacer does the same).
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

  /** Waits until the next call may go, runs it, and books it when it completes (or fails). */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const wait = this.#bucket.delayFor(1, this.#clock.now());
    if (wait > 0) await this.#clock.sleep(wait, this.#signal);
    try {
      return await call();
    } finally {
      this.#bucket.take(1, this.#clock.now());
    }
  }
}
