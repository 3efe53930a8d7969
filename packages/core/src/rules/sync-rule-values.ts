/** Where the rule that produced a syncable balance came from; `none` = no rule anywhere, neutral defaults. */
export type RuleSource = 'listing' | 'product' | 'channel' | 'store' | 'none';

/**
 * The four knobs of a sync rule with every gap filled: what `applySyncRule` works on.
 * Invariants (enforced when rules are written): buffer >= 0, 0 <= percent <= 100, maxQuantity >= 0,
 * endWhen >= 0, all integers.
 */
export interface SyncRuleValues {
  /** Units held back from the channel. */
  buffer: number;
  /** Share of available offered to the channel, 0-100. */
  percent: number;
  /** Never offer more than this; null = no cap. */
  maxQuantity: number | null;
  /** Offer 0 once available is at or below this; null = never. */
  endWhen: number | null;
}

/** The rule a balance was computed with: the winning rule's values (gaps neutral) and where it came from. */
export interface AppliedRule extends SyncRuleValues {
  source: RuleSource;
  /** Id of the winning sync_rules row; absent when source is `none`. */
  id?: number;
}

/** What a field left null means: hold nothing back, offer everything, no cap, never end early. */
export const NEUTRAL_RULE: Readonly<SyncRuleValues> = Object.freeze({
  buffer: 0,
  percent: 100,
  maxQuantity: null,
  endWhen: null,
});
