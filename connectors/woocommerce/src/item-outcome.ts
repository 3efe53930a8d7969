import { classifyStatus, type ItemOutcome } from '@ballast/connector-kit';
import type { BatchItemError, Product } from './api/protocol.ts';

/** WordPress answers a `WP_Error` that names no status as 500. */
const DEFAULT_ERROR_STATUS = 500;

/**
 * One entry of a batch answer as a result. An error item is classified by its `data.status` like a whole
 * call (4xx such as `woocommerce_rest_product_invalid_id` permanent, 5xx transient). A saved product that
 * still does not manage stock (a type that cannot hold stock) did not take the quantity: permanent.
 */
export function outcomeOf(entry: BatchItemError | Product): ItemOutcome {
  if (isItemError(entry)) {
    const { code, message, data } = entry.error;
    const { retryable } = classifyStatus(data?.status ?? DEFAULT_ERROR_STATUS);
    return retryable ? { status: 'transient', code, message } : { status: 'permanent', code, message };
  }
  const product = entry;
  if (product.manage_stock !== true || typeof product.stock_quantity !== 'number') {
    return {
      status: 'permanent',
      code: 'stock_not_managed',
      message: `WooCommerce saved item ${product.id} without managing its stock (manage_stock: ${String(
        product.manage_stock,
      )}); its product type cannot hold a quantity`,
    };
  }
  return { status: 'ok', quantity: product.stock_quantity };
}

function isItemError(entry: BatchItemError | Product): entry is BatchItemError {
  return typeof entry.error === 'object' && entry.error !== null;
}
