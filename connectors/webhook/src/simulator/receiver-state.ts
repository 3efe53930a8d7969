import type { InventoryItem, WireItemResult } from '../protocol.ts';

/**
 * What a well-behaved receiver keeps: a quantity per SKU and the verdict for every idempotency key it has
 * applied, so a replayed key gets the same answer and changes nothing.
 */
export class ReceiverState {
  readonly #quantities = new Map<string, number>();
  readonly #applied = new Map<string, WireItemResult>();
  readonly #compareAndSet: boolean;

  constructor(compareAndSet: boolean) {
    this.#compareAndSet = compareAndSet;
  }

  set(sku: string, quantity: number): void {
    this.#quantities.set(sku, quantity);
  }

  get(sku: string): number | undefined {
    return this.#quantities.get(sku);
  }

  /** Applies one item unless its key was seen; unknown SKUs are refused for good. */
  apply(item: InventoryItem): WireItemResult {
    const replay = this.#applied.get(item.idempotencyKey);
    if (replay) return replay;
    const current = this.#quantities.get(item.sku);
    if (current === undefined) {
      return {
        sku: item.sku,
        status: 'error',
        code: 'unknown_sku',
        message: `no item ${item.sku}`,
        retryable: false,
      };
    }
    let result: WireItemResult;
    if (this.#compareAndSet && item.expectedQuantity !== undefined && item.expectedQuantity !== current) {
      result = { sku: item.sku, status: 'stale', quantity: current };
    } else {
      this.#quantities.set(item.sku, item.quantity);
      result = { sku: item.sku, status: 'ok', quantity: item.quantity };
    }
    this.#applied.set(item.idempotencyKey, result);
    return result;
  }
}
