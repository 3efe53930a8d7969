/** What one round (or a drain of many) did with the pairs it claimed. */
export interface RoundSummary {
  claimed: number;
  pushed: number;
  skipped: number;
  failed: number;
  retrying: number;
}

export const emptySummary = (): RoundSummary => ({
  claimed: 0,
  pushed: 0,
  skipped: 0,
  failed: 0,
  retrying: 0,
});
