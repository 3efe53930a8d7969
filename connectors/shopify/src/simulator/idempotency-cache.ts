/** What a key produced the first time, and for which input. */
interface Entry {
  readonly input: string;
  readonly result: unknown;
}

/**
 * The `@idempotent` semantics: a key with the same input answers what it answered first and changes
 * nothing; with another input it is `IDEMPOTENCY_KEY_PARAMETER_MISMATCH`; while the first attempt runs,
 * `IDEMPOTENCY_CONCURRENT_REQUEST`; a key marked failed answers `IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED`.
 */
export class IdempotencyCache {
  readonly #done = new Map<string, Entry>();
  readonly #running = new Set<string>();
  readonly #failed = new Set<string>();

  /** How a request with this key and input must be answered before anything is applied. */
  check(
    key: string,
    input: string,
  ):
    | { readonly kind: 'new' }
    | { readonly kind: 'replay'; readonly result: unknown }
    | { readonly kind: 'refused'; readonly code: string; readonly message: string } {
    if (this.#failed.has(key)) {
      return {
        kind: 'refused',
        code: 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED',
        message: 'A previous request with this idempotency key failed. Use a new key.',
      };
    }
    if (this.#running.has(key)) {
      return {
        kind: 'refused',
        code: 'IDEMPOTENCY_CONCURRENT_REQUEST',
        message: 'A request with this idempotency key is already in progress.',
      };
    }
    const done = this.#done.get(key);
    if (!done) return { kind: 'new' };
    if (done.input !== input) {
      return {
        kind: 'refused',
        code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
        message: 'This idempotency key was already used with different parameters.',
      };
    }
    return { kind: 'replay', result: done.result };
  }

  start(key: string): void {
    this.#running.add(key);
  }

  finish(key: string, input: string, result: unknown): void {
    this.#running.delete(key);
    this.#done.set(key, { input, result });
  }

  /** Scripts a key whose earlier attempt failed inside Shopify. */
  markFailed(key: string): void {
    this.#failed.add(key);
  }

  has(key: string): boolean {
    return this.#done.has(key);
  }
}
