/** One item a `partial` fault fails while the rest of the batch goes through. */
export interface PartialFailure {
  readonly sku: string;
  readonly retryable: boolean;
  readonly code?: string;
  readonly message?: string;
}

/**
 * Something a simulator does instead of (or before) answering normally.
 *
 * - `status`: answer with this status (429 with `retryAfter`, 503, 401...) and an optional body.
 * - `hang`: never answer (the client's timeout must fire).
 * - `reset`: drop the connection without a response.
 * - `malformed-json`: answer 2xx with a truncated JSON body.
 * - `delay`: answer normally after `ms`.
 * - `partial`: answer normally but fail some items; the simulator's handler applies it per SKU, either the
 *   listed `failures` or a seeded `ratio` of all items.
 */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      /** Raw `Retry-After` value: seconds (`"2"`) or an HTTP date. */
      readonly retryAfter?: string;
      readonly body?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed-json'; readonly status?: number }
  | { readonly kind: 'delay'; readonly ms: number }
  | PartialFault;

export type PartialFault =
  | { readonly kind: 'partial'; readonly failures: readonly PartialFailure[] }
  | { readonly kind: 'partial'; readonly ratio: number; readonly retryable: boolean };

/** Which requests a fault applies to; unset fields match anything. */
export interface FaultMatch {
  readonly method?: string;
  readonly path?: string;
}
