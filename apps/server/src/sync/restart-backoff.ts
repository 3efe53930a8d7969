export interface RestartBackoff {
  /** The pause before starting again, given how long the thread that just died had run (ms; 0: never ready). */
  next(ranMs: number): number;
}

/**
 * Pauses between restarts of something that keeps dying: `min` first, doubled for each death in a row up to
 * `max`. A run that lasted `max` or longer was healthy, and its death starts the count again at `min`.
 */
export function restartBackoff({ min, max }: { min: number; max: number }): RestartBackoff {
  let delayMs = min;
  return {
    next(ranMs) {
      if (ranMs >= max) delayMs = min;
      const current = delayMs;
      delayMs = Math.min(delayMs * 2, max);
      return current;
    },
  };
}
