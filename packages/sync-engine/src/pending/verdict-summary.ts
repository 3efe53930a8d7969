/** What one pass over due verdicts did. */
export interface VerdictSummary {
  /** Pending attempts taken up: polled, or given up on after the timeout. */
  claimed: number;
  succeeded: number;
  failed: number;
  /** Pushed again later (transient failure, timeout), or already overtaken by a newer push. */
  retrying: number;
  /** Still without a verdict (or the poll failed): polled again later. */
  pending: number;
  /** Poll calls that failed as a whole. */
  pollsFailed: number;
}

export const emptyVerdictSummary = (): VerdictSummary => ({
  claimed: 0,
  succeeded: 0,
  failed: 0,
  retrying: 0,
  pending: 0,
  pollsFailed: 0,
});

export function addVerdictSummaries(total: VerdictSummary, more: VerdictSummary): VerdictSummary {
  total.claimed += more.claimed;
  total.succeeded += more.succeeded;
  total.failed += more.failed;
  total.retrying += more.retrying;
  total.pending += more.pending;
  total.pollsFailed += more.pollsFailed;
  return total;
}
