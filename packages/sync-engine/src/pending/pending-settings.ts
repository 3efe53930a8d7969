/** How the engine waits for the verdicts of feed-style channels (`pending` results). */
export interface PendingSettings {
  /** From acceptance to the first poll, and between polls of a verdict that is not ready yet. */
  pollIntervalMs: number;
  /** A verdict still missing this long after the channel accepted the push is given up on: pushed again. */
  timeoutMs: number;
}

/**
 * Feeds take minutes to hours (Amazon, Walmart): a poll a minute finds a verdict soon enough without spending
 * the channel's budget, and six hours without one means the feed is lost, not slow.
 */
export const defaultPendingSettings: PendingSettings = {
  pollIntervalMs: 60_000,
  timeoutMs: 6 * 3_600_000,
};
