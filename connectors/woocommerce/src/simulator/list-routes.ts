import { json, type SimHandler, type SimRequest, type SimResponse } from '@ballast/connector-kit/testing';
import { MAX_PER_PAGE } from '../api/protocol.ts';
import { type AuthSettings, authenticate } from './authenticate.ts';
import type { Catalog, SimProduct } from './catalog.ts';
import { productJson } from './product-json.ts';
import { errorResponse } from './woo-errors.ts';

export interface ListRouteSettings {
  readonly catalog: Catalog;
  readonly auth: AuthSettings;
  /** Send `X-WP-Total` / `X-WP-TotalPages` (a caching proxy may drop them). */
  readonly pagingHeaders: boolean;
  /** Compare SKUs case-insensitively, as MySQL's default collation does. */
  readonly caseInsensitiveSku: boolean;
}

const DENIAL = { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' };

/**
 * `GET /products`: `sku` (comma list, exact, over products and variations, plus the whole string as one
 * SKU, as WooCommerce does), `include` (ids, products only unless `sku` is set), `per_page` (1 to 100,
 * default 10) and `page`. Trashed items are left out (`status=any`).
 */
export function productsListHandler(settings: ListRouteSettings): SimHandler {
  return (request) => {
    const refused = authenticate(request, settings.auth, 'read', DENIAL);
    if (refused) return refused;
    const skuParam = request.query.get('sku') ?? '';
    let items = settings.catalog.all();
    if (skuParam !== '') {
      const parts = skuParam.split(',');
      const wanted = new Set(parts.length > 1 ? [...parts, skuParam] : parts);
      const normalise = (sku: string) => (settings.caseInsensitiveSku ? sku.toLowerCase() : sku);
      const keys = new Set([...wanted].map(normalise));
      items = items.filter((p) => p.sku !== '' && keys.has(normalise(p.sku)));
    } else {
      items = items.filter((p) => p.type !== 'variation');
    }
    const include = idList(request.query.get('include'));
    if (include) items = items.filter((p) => include.has(p.id));
    return page(request, settings, items, (p) => productJson(settings.catalog, p));
  };
}

/** `GET /products/{parentId}/variations`: `include`, `per_page`, `page`. */
export function variationsListHandler(settings: ListRouteSettings, parentId: number): SimHandler {
  return (request) => {
    const refused = authenticate(request, settings.auth, 'read', DENIAL);
    if (refused) return refused;
    let items = settings.catalog.all().filter((p) => p.type === 'variation' && p.parentId === parentId);
    const include = idList(request.query.get('include'));
    if (include) items = items.filter((p) => include.has(p.id));
    return page(request, settings, items, (p) => productJson(settings.catalog, p, { asVariation: true }));
  };
}

/** `wp_parse_id_list`: comma or space separated ids. */
function idList(raw: string | null): Set<number> | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  return new Set(
    raw
      .split(/[\s,]+/)
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0),
  );
}

function page(
  request: SimRequest,
  settings: ListRouteSettings,
  items: readonly SimProduct[],
  render: (product: SimProduct) => Record<string, unknown>,
): SimResponse {
  const perPage = Number(request.query.get('per_page') ?? 10);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return errorResponse(
      400,
      'rest_invalid_param',
      `Invalid parameter(s): per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)`,
    );
  }
  const pageNumber = Number(request.query.get('page') ?? 1);
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    return errorResponse(
      400,
      'rest_invalid_param',
      'Invalid parameter(s): page must be greater than or equal to 1',
    );
  }
  // WordPress's default order: newest first.
  const ordered = [...items].sort((a, b) => b.id - a.id);
  const slice = ordered.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const headers: Record<string, string> = settings.pagingHeaders
    ? { 'x-wp-total': String(ordered.length), 'x-wp-totalpages': String(Math.ceil(ordered.length / perPage)) }
    : {};
  return json(200, slice.map(render), headers);
}
