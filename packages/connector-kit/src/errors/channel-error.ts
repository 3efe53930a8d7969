export interface ChannelErrorInit {
  /** Whether the same call may succeed later (transient) or never will (permanent). */
  readonly retryable: boolean;
  /** A short machine code: the channel's own error code when it gives one, else ours (`timeout`, `http_503`...). */
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** The response headers, when there was a response (quota headers ride on 429s). */
  readonly headers?: Headers;
  readonly cause?: unknown;
}

/**
 * A failed call to a channel, already classified. `requestJson` throws only this, so a connector can turn
 * it into per-item results with `failBatch`.
 */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  readonly retryable: boolean;
  readonly code: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly headers: Headers | undefined;

  constructor(init: ChannelErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.retryable = init.retryable;
    this.code = init.code;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.headers = init.headers;
  }
}
