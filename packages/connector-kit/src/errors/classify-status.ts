/** How an HTTP status is to be treated, and the code that names it. */
export interface StatusClass {
  readonly retryable: boolean;
  readonly code: string;
}

/**
 * Maps a non-2xx status to transient or permanent. Auth, validation and not-found are permanent: retrying
 * a deterministic 4xx only burns quota (a peer retried one ten times over 30 hours). 408, 425, 429 and 5xx
 * are transient.
 */
export function classifyStatus(status: number): StatusClass {
  if (status === 408) return { retryable: true, code: 'request_timeout' };
  if (status === 425) return { retryable: true, code: 'too_early' };
  if (status === 429) return { retryable: true, code: 'throttled' };
  if (status >= 500 && status <= 599) return { retryable: true, code: `http_${status}` };
  if (status === 401) return { retryable: false, code: 'unauthorized' };
  if (status === 403) return { retryable: false, code: 'forbidden' };
  if (status === 404 || status === 410) return { retryable: false, code: 'not_found' };
  if (status === 400 || status === 413 || status === 415 || status === 422) {
    return { retryable: false, code: 'validation' };
  }
  return { retryable: false, code: `http_${status}` };
}
