/**
 * Runs `work`, then every cleanup it registered, last first, whether it succeeded or threw: a failed run
 * still stops the engine, servers and timers it started, so the bench process can exit.
 */
export async function withCleanups<T>(
  work: (defer: (cleanup: () => unknown) => void) => Promise<T>,
): Promise<T> {
  const cleanups: (() => unknown)[] = [];
  try {
    return await work((cleanup) => cleanups.push(cleanup));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
