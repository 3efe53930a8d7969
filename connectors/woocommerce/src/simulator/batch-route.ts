import { json, type SimHandler, type SimRequest } from '@ballast/connector-kit/testing';
import type { WooError } from '../api/protocol.ts';
import { type AuthSettings, authenticate } from './authenticate.ts';
import type { Catalog, SimProduct } from './catalog.ts';
import { productJson } from './product-json.ts';
import { errorResponse } from './woo-errors.ts';

export interface BatchRouteSettings {
  readonly catalog: Catalog;
  readonly auth: AuthSettings;
  /** `woocommerce_rest_batch_items_limit`: 100 unless a site filters it. */
  readonly batchLimit: number;
}

/**
 * `POST /products/batch` (`parentId` undefined) or `POST /products/{parentId}/variations/batch`: checks the
 * item limit (413 above it), then updates item by item, each answered with the product or with the error
 * its single update would have given. Not atomic: one bad id fails only itself.
 */
export function batchHandler(settings: BatchRouteSettings, parentId: number | undefined): SimHandler {
  const { catalog } = settings;
  return (request) => {
    const refused = authenticate(request, settings.auth, 'write', {
      code: 'woocommerce_rest_cannot_batch',
      message: 'Sorry, you are not allowed to batch manipulate this resource.',
    });
    if (refused) return refused;
    const body = parseBody(request);
    if (body === undefined) return errorResponse(400, 'rest_invalid_json', 'Invalid JSON body passed.');
    const create = arrayOf(body.create);
    const update = arrayOf(body.update);
    const remove = arrayOf(body.delete);
    const total = create.length + update.length + remove.length;
    if (total > settings.batchLimit) {
      return errorResponse(
        413,
        'woocommerce_rest_request_entity_too_large',
        `Unable to accept more than ${settings.batchLimit} items for this request.`,
      );
    }
    if (create.length > 0 || remove.length > 0) {
      return errorResponse(400, 'rest_invalid_param', 'the simulator implements batch updates only');
    }
    const results = update.map((item) => {
      const fields = isRecord(item) ? item : {};
      const id = Number(fields.id);
      const product = findItem(catalog, id, parentId);
      if (!product) return { id: Number.isFinite(id) ? id : 0, error: invalidId(parentId) };
      const injected = request.partialFailureFor(product.sku);
      if (injected) {
        const error: WooError = {
          code: injected.code ?? 'woocommerce_rest_simulated_failure',
          message: injected.message ?? 'simulated failure',
          data: { status: injected.retryable ? 500 : 400 },
        };
        return { id, error };
      }
      const error = catalog.applyStock(product, fields);
      if (error) return { id, error };
      return productJson(catalog, product, { asVariation: parentId !== undefined });
    });
    return json(200, { update: results });
  };
}

/**
 * The item a batch entry names. The product batch only takes non-variation products (a stricter reading
 * than WooCommerce's `wc_get_product`, so a connector that sends a variation there is caught); the
 * variation batch only takes variations of its parent.
 */
function findItem(catalog: Catalog, id: number, parentId: number | undefined): SimProduct | undefined {
  const product = Number.isInteger(id) ? catalog.get(id) : undefined;
  if (!product || product.status === 'trash') return undefined;
  if (parentId === undefined) return product.type === 'variation' ? undefined : product;
  return product.type === 'variation' && product.parentId === parentId ? product : undefined;
}

function invalidId(parentId: number | undefined): WooError {
  const postType = parentId === undefined ? 'product' : 'product_variation';
  return { code: `woocommerce_rest_${postType}_invalid_id`, message: 'Invalid ID.', data: { status: 400 } };
}

function parseBody(request: SimRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(request.rawBody);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
