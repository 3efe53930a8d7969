import { z } from 'zod';
import type { CauseType, SyncStatus } from '../db/schema.ts';
import type { Jsonable } from './json-value.ts';

/** Longest error message kept; channels sometimes answer with whole HTML pages. */
export const MAX_ERROR_MESSAGE = 4000;

/** Longest error code kept. Codes are meant to be short identifiers; a connector may still send anything. */
export const MAX_ERROR_CODE = 200;

/** What can set a push in motion; Sync History rows can be filtered by it. */
export const syncCauseTypes = [
  'sales_order',
  'purchase_order',
  'work_order',
  'adjustment',
  'upload',
  'feed',
  'channel_order',
  'auto_sync',
  'resync',
] as const satisfies readonly CauseType[];

export const syncStatuses = [
  'pending',
  'succeeded',
  'failed',
  'retrying',
  'skipped',
] as const satisfies readonly SyncStatus[];

const rowId = z.number().int().positive();
const millis = z.number().int().nonnegative();
const quantity = z.number().int();
/** An error message as stored: cut to MAX_ERROR_MESSAGE characters. */
export function cutErrorMessage(text: string): string {
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text;
}

/** An error code as the sync engine stores it: cut to MAX_ERROR_CODE characters (the API refuses longer). */
export function cutErrorCode(code: string): string {
  return code.length > MAX_ERROR_CODE ? `${code.slice(0, MAX_ERROR_CODE - 1)}…` : code;
}

const errorMessage = z.string().transform(cutErrorMessage);

/** What set a push in motion: the newest mark's cause, and how many marks were coalesced since the first. */
export const syncCauseSchema = z.strictObject({
  type: z.enum(syncCauseTypes),
  ref: z.string().max(500),
  marks: z.number().int().min(1),
  firstMarkedAt: millis,
});
export type SyncCause = z.output<typeof syncCauseSchema>;

/** The explanation is checked separately (any JSON value), so the schema only demands its presence. */
export const syncAttemptSchema = z.strictObject({
  storeId: rowId,
  channelId: rowId,
  productId: rowId,
  listingId: rowId.nullish(),
  status: z.enum(syncStatuses),
  /** null: the master could not know the quantity, so nothing was pushed (the explanation says why). */
  quantity: quantity.nullable(),
  /** What the channel showed before, when it told us. */
  previousQuantity: quantity.nullish(),
  cause: syncCauseSchema,
  explanation: z.custom<unknown>((value) => value !== undefined, 'required'),
  errorCode: z.string().max(MAX_ERROR_CODE).nullish(),
  errorMessage: errorMessage.nullish(),
  attempt: z.number().int().min(1),
  seq: z.number().int().nonnegative(),
  idempotencyKey: z.string().max(500).nullish(),
  /** The worker making the attempt, so attempts cut short by a dead worker can be closed. */
  workerId: z.string().max(200).nullish(),
  /** Feed-style channels: the handle to poll for the verdict while the attempt is pending. */
  pendingHandle: z.string().max(2000).nullish(),
  queuedAt: millis,
  startedAt: millis.nullish(),
  finishedAt: millis.nullish(),
});

/**
 * One push attempt for one (product, channel) pair, as the sync engine records it. `explanation` is the
 * balance explanation (any JSON value; `E` is inferred, so interface types such as `BalanceExplanation` fit).
 */
export type SyncAttemptInput<E = unknown> = Omit<z.input<typeof syncAttemptSchema>, 'explanation'> & {
  explanation: Jsonable<E>;
};

/**
 * The outcome of a pending attempt. `pending` again means the channel accepted the write and gives its verdict
 * later (pass `pendingHandle`); the attempt can then be finished once more. `previousQuantity` and
 * `pendingHandle` left out keep their recorded values; error fields left out become null.
 */
export const syncAttemptOutcomeSchema = z.strictObject({
  id: rowId,
  status: z.enum(syncStatuses),
  errorCode: z.string().max(MAX_ERROR_CODE).nullish(),
  errorMessage: errorMessage.nullish(),
  previousQuantity: quantity.nullish(),
  pendingHandle: z.string().max(2000).nullish(),
  finishedAt: millis,
});
export type SyncAttemptOutcome = z.input<typeof syncAttemptOutcomeSchema>;
