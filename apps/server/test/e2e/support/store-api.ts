/** Calls one store's part of the public API over HTTP with an API token; anything but 2xx throws with the body. */
export function storeApi(baseUrl: string, storeId: number, token: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1/stores/${storeId}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Polls `check` until it holds; on timeout throws with `describe()` (the state that was seen). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  describe: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms; last seen: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
