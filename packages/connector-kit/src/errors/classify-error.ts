import { ZodError } from 'zod';
import { ChannelError } from './channel-error.ts';

/** System error codes of a failed connection that may well work on the next try (undici's `UND_ERR_*` too). */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * Turns anything a call threw into a classified `ChannelError`: timeouts, resets and unreadable bodies are
 * transient; certificate failures, bad URLs and plain programming errors are permanent (retrying cannot fix
 * them).
 */
export function classifyError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (isNamed(error, 'TimeoutError')) {
    return new ChannelError({
      retryable: true,
      code: 'timeout',
      message: 'the channel did not answer in time',
      cause: error,
    });
  }
  if (isNamed(error, 'AbortError')) {
    return new ChannelError({
      retryable: true,
      code: 'aborted',
      message: 'the call was aborted',
      cause: error,
    });
  }
  if (error instanceof SyntaxError || error instanceof ZodError) {
    return new ChannelError({
      retryable: true,
      code: 'malformed_body',
      message: `the channel answered with an unreadable body: ${error.message.slice(0, 200)}`,
      cause: error,
    });
  }
  const systemCode = systemErrorCode(error);
  if (
    systemCode !== undefined &&
    (TRANSIENT_NETWORK_CODES.has(systemCode) || systemCode.startsWith('UND_ERR_'))
  ) {
    return new ChannelError({
      retryable: true,
      code: 'network',
      message: `network error ${systemCode}`,
      cause: error,
    });
  }
  if (systemCode !== undefined && isTlsCode(systemCode)) {
    return new ChannelError({
      retryable: false,
      code: 'tls',
      message: `TLS failure ${systemCode}`,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError({ retryable: false, code: 'unexpected_error', message, cause: error });
}

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

function isTlsCode(code: string): boolean {
  return code.includes('CERT') || code.startsWith('ERR_TLS') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
}

/** The `code` of a system error, or of the cause undici wraps it in (`TypeError: fetch failed`). */
function systemErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  // undici sometimes gives a bare `fetch failed` with no coded cause: still a network failure.
  if (error instanceof TypeError && error.message === 'fetch failed') return 'UND_ERR_SOCKET';
  return undefined;
}
