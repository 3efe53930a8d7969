/** fetch's own limit. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface DownloadOptions {
  fetch: typeof fetch;
  /** Headers that carry credentials: sent only while the request stays on the url's origin. */
  credentials: Record<string, string>;
  signal: AbortSignal;
  maxBytes: number;
}

/**
 * GETs a feed's body, following redirects itself: fetch drops only `Authorization` on a redirect to another
 * origin and would send a custom header (`X-Api-Key`) to wherever the supplier's server, or whoever answers
 * for it, points. Credentials go only to the url's own origin (scheme, host and port); once a redirect has
 * left it, they are not sent again, as fetch does with `Authorization`. Throws on a network error, an HTTP
 * error status, too many redirects or a body over `maxBytes`.
 */
export async function downloadFeed(
  url: string,
  options: DownloadOptions,
): Promise<{ contentType: string | null; bytes: Uint8Array }> {
  const origin = new URL(url).origin;
  let target = new URL(url);
  let withCredentials = true;
  for (let redirects = 0; ; redirects++) {
    const response = await options.fetch(target, {
      headers: {
        accept: 'text/csv, application/json;q=0.9, */*;q=0.5',
        ...(withCredentials && options.credentials),
      },
      redirect: 'manual',
      signal: options.signal,
    });
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    if (location !== null) {
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      target = new URL(location, target);
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new Error(`redirected to a ${target.protocol} URL`);
      withCredentials &&= target.origin === origin;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    return {
      contentType: response.headers.get('content-type'),
      bytes: await readBody(response, options.maxBytes),
    };
  }
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new Error(`the body is larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}
