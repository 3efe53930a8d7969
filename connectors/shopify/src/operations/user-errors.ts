import { z } from 'zod';

export const userErrorSchema = z.object({
  code: z.string().nullable(),
  field: z.array(z.string()).nullable(),
  message: z.string(),
});
export type UserError = z.infer<typeof userErrorSchema>;

/** What a user error means for the entry it names (or, without an entry, for every entry). */
export type UserErrorClass =
  | { readonly kind: 'stale' }
  | { readonly kind: 'transient'; readonly retireKey: boolean }
  | { readonly kind: 'permanent' };

const STALE = new Set(['CHANGE_FROM_QUANTITY_STALE', 'COMPARE_QUANTITY_STALE']);

/**
 * Shopify's user error codes by class. Stale compare-and-set is its own class. Idempotency conflicts are
 * transient: a concurrent request with our key is still running; a key Shopify will never accept again
 * (previous attempt failed, parameters differ) is retired so the retry goes out under a fresh one.
 * Everything else (`INVALID_*`, `NON_MUTABLE_INVENTORY_ITEM`, `ITEM_NOT_STOCKED_AT_LOCATION`, duplicates,
 * `*_REQUIRED`, and codes we do not know) is a validation failure that a retry cannot fix.
 */
export function classifyUserError(error: UserError): UserErrorClass {
  const code = error.code ?? '';
  if (STALE.has(code)) return { kind: 'stale' };
  if (code === 'IDEMPOTENCY_CONCURRENT_REQUEST') return { kind: 'transient', retireKey: false };
  if (code === 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED' || code === 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH') {
    return { kind: 'transient', retireKey: true };
  }
  return { kind: 'permanent' };
}

/**
 * The entry a user error names: Shopify points at it by path, `["input", "quantities", "3", "quantity"]`.
 * `undefined` when the error is about the call as a whole (`["input", "reason"]`, or no path).
 */
export function entryIndexOf(field: readonly string[] | null): number | undefined {
  if (!field) return undefined;
  const at = field.indexOf('quantities');
  if (at < 0) return undefined;
  const index = Number(field[at + 1]);
  return Number.isInteger(index) && index >= 0 ? index : undefined;
}

/** Permanent beats stale beats transient: an entry that can never succeed should not be retried. */
export function worstOf(errors: readonly UserError[]): UserError | undefined {
  const rank = (e: UserError): number => {
    const kind = classifyUserError(e).kind;
    return kind === 'permanent' ? 0 : kind === 'stale' ? 1 : 2;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b))[0];
}
