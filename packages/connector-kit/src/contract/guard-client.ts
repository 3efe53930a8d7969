import { classifyError } from '../errors/classify-error.ts';
import { failBatch } from '../errors/fail-batch.ts';
import type { Capabilities } from './capabilities.ts';
import type { ChannelClient } from './channel-client.ts';
import type { ReadResult } from './listing.ts';
import type { ListingRef } from './listing-ref.ts';
import type { Logger } from './logger.ts';
import {
  type BatchResult,
  type ItemResult,
  MAX_PENDING_HANDLE,
  type PendingHandle,
  type PendingResolution,
} from './quantity-update.ts';

/**
 * A batch above the connector's `maxBatch`. The contract is to refuse, not split: the engine cuts batches
 * at `maxBatch` and paces each one, so a connector that split silently would spend calls the pacer never
 * booked.
 */
export class BatchTooLargeError extends RangeError {
  override readonly name = 'BatchTooLargeError';

  constructor(size: number, maxBatch: number) {
    super(`batch of ${size} updates exceeds this connector's maxBatch of ${maxBatch}`);
  }
}

/** Wraps a connector's client so the host can rely on the contract even when a connector slips. */
export function guardClient<Ref extends ListingRef>(
  client: ChannelClient<Ref>,
  capabilities: Capabilities,
  logger: Logger,
): ChannelClient<Ref> {
  const guarded: ChannelClient<Ref> = {
    async setQuantities(batch) {
      if (batch.length > capabilities.maxBatch)
        throw new BatchTooLargeError(batch.length, capabilities.maxBatch);
      assertUniqueKeys(batch);
      if (batch.length === 0) return { items: [] };
      let result: BatchResult;
      try {
        result = await client.setQuantities(batch);
      } catch (error) {
        return failBatch(batch, error);
      }
      const items = completeByKey(batch, result.items, logger, (key): ItemResult => missingResult(key)).map(
        (item) => checkPending(item, capabilities.pendingResults, logger),
      );
      return result.rateFeedback ? { items, rateFeedback: result.rateFeedback } : { items };
    },
    async lookupListings(skus) {
      try {
        return await client.lookupListings(skus);
      } catch (error) {
        throw classifyError(error);
      }
    },
  };
  if (client.estimateCost) guarded.estimateCost = (batch) => client.estimateCost?.(batch) ?? 1;
  const { readQuantities, pollPending, pollOrders, verifyWebhook, parseOrderEvent } = client;
  if (readQuantities) {
    guarded.readQuantities = async (items) => {
      assertUniqueKeys(items);
      if (items.length === 0) return [];
      let results: readonly ReadResult[];
      try {
        results = await readQuantities.call(client, items);
      } catch (error) {
        const failure = classifyError(error);
        const status = failure.retryable ? 'transient' : 'permanent';
        const { code, message, retryAfterMs } = failure;
        const holdBack = retryAfterMs === undefined ? {} : { retryAfterMs };
        return items.map(({ key }) => ({ key, status, code, message, ...holdBack }));
      }
      return completeByKey(items, results, logger, (key): ReadResult => missingResult(key));
    };
  }
  if (pollPending) {
    guarded.pollPending = async (handles) => {
      assertUniqueHandles(handles);
      if (handles.length === 0) return [];
      const resolutions = await pollPending.call(client, handles).catch(rethrowClassified);
      return completeByHandle(handles, resolutions, logger);
    };
  }
  if (pollOrders) {
    guarded.pollOrders = (since) => pollOrders.call(client, since).catch(rethrowClassified);
  }
  if (verifyWebhook) {
    guarded.verifyWebhook = (request) => {
      try {
        return verifyWebhook.call(client, request);
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    };
  }
  if (parseOrderEvent) {
    guarded.parseOrderEvent = (request) => {
      try {
        return parseOrderEvent.call(client, request);
      } catch (error) {
        return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
      }
    };
  }
  return guarded;
}

function rethrowClassified(error: unknown): never {
  throw classifyError(error);
}

function assertUniqueHandles(handles: readonly PendingHandle[]): void {
  if (new Set(handles).size !== handles.length) throw new RangeError('a handle appears twice in one poll');
}

/**
 * A pending result the host cannot poll (the connector does not declare `pendingResults`, or the handle cannot
 * be stored) is no promise at all: report it as a transient failure, so the value is pushed again rather than
 * waited for forever.
 */
function checkPending(item: ItemResult, pendingResults: boolean, logger: Logger): ItemResult {
  if (item.status !== 'pending' || (pendingResults && usableHandle(item.handle))) return item;
  logger.warn('connector gave a pending result that cannot be polled', { key: item.key });
  return {
    key: item.key,
    status: 'transient',
    code: 'invalid_pending_result',
    message: pendingResults
      ? `the connector's pending handle is empty or longer than ${MAX_PENDING_HANDLE} characters`
      : 'the connector answered pending but does not declare pendingResults',
  };
}

function usableHandle(handle: unknown): boolean {
  return typeof handle === 'string' && handle !== '' && handle.length <= MAX_PENDING_HANDLE;
}

/**
 * One resolution per handle asked, in request order: a handle the connector did not answer is still
 * pending (the host polls it again), stray and repeated answers are dropped.
 */
function completeByHandle(
  handles: readonly PendingHandle[],
  resolutions: readonly PendingResolution[],
  logger: Logger,
): PendingResolution[] {
  const asked = new Set(handles);
  const byHandle = new Map<PendingHandle, PendingResolution>();
  for (const resolution of resolutions) {
    if (asked.has(resolution.handle) && !byHandle.has(resolution.handle))
      byHandle.set(resolution.handle, resolution);
  }
  const missing = handles.length - byHandle.size;
  const stray = resolutions.filter((r) => !asked.has(r.handle)).length;
  if (missing > 0 || stray > 0)
    logger.warn('connector resolutions did not match the handles', { missing, stray });
  return handles.map((handle): PendingResolution => {
    const outcome = byHandle.get(handle)?.outcome;
    // Not answered, or still pending under a handle that cannot be stored: keep polling the one we have.
    if (!outcome || (outcome.status === 'pending' && !usableHandle(outcome.handle)))
      return { handle, outcome: { status: 'pending', handle } };
    return { handle, outcome };
  });
}

function assertUniqueKeys(items: readonly { readonly key: string }[]): void {
  const seen = new Set<string>();
  for (const { key } of items) {
    if (seen.has(key)) throw new RangeError(`key ${key} appears twice in one call`);
    seen.add(key);
  }
}

function missingResult(key: string): ItemResult & ReadResult {
  return {
    key,
    status: 'transient',
    code: 'missing_result',
    message: 'the connector returned no result for this item',
  };
}

/** One result per requested key, in request order: unknown keys dropped, missing ones filled in. */
function completeByKey<R extends { readonly key: string }>(
  requested: readonly { readonly key: string }[],
  results: readonly R[],
  logger: Logger,
  fill: (key: string) => R,
): R[] {
  const byKey = new Map<string, R>();
  for (const result of results) {
    if (!byKey.has(result.key)) byKey.set(result.key, result);
  }
  const complete = requested.map(({ key }) => byKey.get(key) ?? fill(key));
  const requestedKeys = new Set(requested.map(({ key }) => key));
  const stray = results.filter((r) => !requestedKeys.has(r.key)).length;
  const missing = requested.length - requested.filter(({ key }) => byKey.has(key)).length;
  if (stray > 0 || missing > 0)
    logger.warn('connector results did not match the request keys', { stray, missing });
  return complete;
}
