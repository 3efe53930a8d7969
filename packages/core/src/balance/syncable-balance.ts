import type { AppliedRule } from '../rules/sync-rule-values.ts';

/** One component of a kit as it entered the kit's balance. */
export interface KitComponentInput {
  productId: number;
  sku: string;
  /** The component's raw available over the same locations (a nested kit's own kit balance); null = unknown. */
  available: number | null;
  /** Units of the component in one kit. */
  perKit: number;
  /** floor(available / perKit): how many kits this component allows; null = unknown. */
  yields: number | null;
}

/** The stock a balance started from. */
export interface BalanceInputs {
  /** Summed over `locations`; null for a kit, which has no stock of its own. */
  onHand: number | null;
  /** Summed over `locations`; null for a kit. */
  committed: number | null;
  /** on hand − committed, or for a kit the minimum its components allow; null = unknown. */
  available: number | null;
  /** The location ids counted, ascending. */
  locations: number[];
  /** Kits only: each direct component and what it allows. */
  components?: KitComponentInput[];
}

/**
 * Why a syncable balance is what it is: the inputs, the rule that won and each step of the math. Plain JSON
 * with stable field names: Sync History stores it and the admin renders it.
 */
export interface BalanceExplanation {
  inputs: BalanceInputs;
  rule: AppliedRule;
  /** Human-readable, in order, e.g. `available 12 > end-when 2`, `floor(12 × 50%) = 6`, `floor at 0 → 5`. */
  steps: string[];
}

/**
 * The quantity to show on one channel for one product. `quantity` is null when the master cannot know it
 * (for example a kit without components): the push must be held and the reason shown, never a guessed 0.
 */
export interface SyncableBalance {
  quantity: number | null;
  /** Present exactly when quantity is null. */
  unknownReason?: string;
  explanation: BalanceExplanation;
}
