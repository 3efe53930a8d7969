import {
  type BatchResult,
  type ConnectorContext,
  failBatch,
  type ItemOutcome,
  type ItemResult,
  type QuantityUpdate,
  withEndpoint,
} from '@ballast/connector-kit';
import type { WebhookConfig } from './config.ts';
import {
  INVENTORY_SET,
  type InventoryItem,
  inventorySetResponseSchema,
  type WireItemResult,
} from './protocol.ts';
import { signedRequest } from './signed-request.ts';

/** POSTs one signed `inventory.set` batch and maps the receiver's answer to per-item results. */
export async function setQuantities(
  config: WebhookConfig,
  ctx: ConnectorContext,
  timeoutMs: number,
  updates: readonly QuantityUpdate<string>[],
): Promise<BatchResult> {
  // Results are matched by SKU, so a SKU may appear once per request. Two listings on one SKU are a
  // mapping mistake that a retry cannot fix: the later ones fail for good.
  const seen = new Set<string>();
  const duplicates: ItemResult[] = [];
  const batch = updates.filter((update) => {
    if (!seen.has(update.listingRef)) {
      seen.add(update.listingRef);
      return true;
    }
    duplicates.push({
      key: update.key,
      status: 'permanent',
      code: 'duplicate_sku',
      message: `SKU ${update.listingRef} appears twice in one batch: two listings point at it`,
    });
    return false;
  });
  const sent = await send(config, ctx, timeoutMs, batch);
  return duplicates.length === 0 ? sent : { ...sent, items: [...sent.items, ...duplicates] };
}

async function send(
  config: WebhookConfig,
  ctx: ConnectorContext,
  timeoutMs: number,
  batch: readonly QuantityUpdate<string>[],
): Promise<BatchResult> {
  const items = batch.map((update): InventoryItem => {
    const item: InventoryItem = {
      sku: update.listingRef,
      quantity: update.quantity,
      idempotencyKey: update.idempotencyKey,
    };
    // Without compare-and-set the receiver is not asked to compare: the master always wins.
    return config.compareAndSet && update.expectedCurrent !== undefined
      ? { ...item, expectedQuantity: update.expectedCurrent }
      : item;
  });
  const body = JSON.stringify({ type: INVENTORY_SET, items });
  try {
    const response = await signedRequest(ctx, config.signingSecret, timeoutMs, {
      method: 'POST',
      url: withEndpoint(config.endpointUrl, ctx.endpoint),
      body,
      identity: items.map((item) => item.idempotencyKey),
      schema: inventorySetResponseSchema,
    });
    const results = response.body?.results;
    if (results === undefined) return { items: batch.map(({ key }) => ({ key, status: 'ok' })) };
    const bySku = new Map(results.map((result) => [result.sku, result]));
    return {
      items: batch.flatMap((update): ItemResult[] => {
        const result = bySku.get(update.listingRef);
        // No verdict for an item: the kit's guard reports it as a missing (transient) result.
        return result ? [{ key: update.key, ...outcomeOf(result) }] : [];
      }),
    };
  } catch (error) {
    return failBatch(batch, error);
  }
}

function outcomeOf(result: WireItemResult): ItemOutcome {
  switch (result.status) {
    case 'ok':
      return result.quantity === undefined ? { status: 'ok' } : { status: 'ok', quantity: result.quantity };
    case 'stale':
      return result.quantity === undefined
        ? { status: 'stale' }
        : { status: 'stale', actualQuantity: result.quantity };
    case 'error': {
      const code = result.code ?? 'receiver_error';
      const message = result.message ?? 'the receiver reported an error for this item';
      return result.retryable
        ? { status: 'transient', code, message }
        : { status: 'permanent', code, message };
    }
  }
}
