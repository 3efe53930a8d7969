import type { WooError } from '../api/protocol.ts';

/** A product, variable parent or variation as the simulator stores it. */
export interface SimProduct {
  readonly id: number;
  /** `simple`, `variable`, `variation`, `grouped`, `external`, or any plugin type. */
  readonly type: string;
  /** The variable parent of a variation; 0 otherwise. */
  readonly parentId: number;
  sku: string;
  /** `"parent"`: a variation whose stock its parent manages. */
  manageStock: boolean | 'parent';
  stockQuantity: number | null;
  status: 'publish' | 'draft' | 'trash';
}

export interface NewProduct {
  readonly sku: string;
  readonly type?: string;
  readonly parentId?: number;
  readonly manageStock?: boolean | 'parent';
  readonly quantity?: number | null;
  readonly status?: SimProduct['status'];
}

/** The fields of a stock write, as the request carried them (types unchecked, like a batch item). */
export interface StockInput {
  readonly manage_stock?: unknown;
  readonly stock_quantity?: unknown;
}

/** Product types that can never manage stock. */
const NEVER_STOCKED = new Set(['grouped']);

/** The simulator's catalog: products and variations by id, ids allocated like WordPress post ids. */
export class Catalog {
  readonly #byId = new Map<number, SimProduct>();
  #nextId = 101;

  add(fields: NewProduct): SimProduct {
    const manageStock = fields.manageStock ?? (fields.quantity !== undefined && fields.quantity !== null);
    const product: SimProduct = {
      id: this.#nextId++,
      type: fields.type ?? 'simple',
      parentId: fields.parentId ?? 0,
      sku: fields.sku,
      manageStock,
      stockQuantity: manageStock === true ? (fields.quantity ?? 0) : null,
      status: fields.status ?? 'publish',
    };
    this.#byId.set(product.id, product);
    return product;
  }

  get(id: number): SimProduct | undefined {
    return this.#byId.get(id);
  }

  /** Live (not trashed) items, in id order. */
  all(): SimProduct[] {
    return [...this.#byId.values()].filter((p) => p.status !== 'trash');
  }

  bySku(sku: string): SimProduct | undefined {
    return this.all().find((p) => p.sku === sku);
  }

  remove(id: number): void {
    this.#byId.delete(id);
  }

  /**
   * Applies a stock write the way WooCommerce does: `manage_stock` first, then `stock_quantity` only if
   * the item now manages its stock; otherwise the quantity is dropped without a word. External products
   * refuse stock management with an error; grouped products silently never manage stock.
   */
  applyStock(product: SimProduct, input: StockInput): WooError | undefined {
    if (input.manage_stock !== undefined) {
      if (typeof input.manage_stock !== 'boolean') {
        return invalidParam('manage_stock is not of type boolean.');
      }
      if (product.type === 'external' && input.manage_stock) {
        return {
          code: 'product_external_invalid_manage_stock',
          message: 'External products cannot be stock managed.',
          data: { status: 400 },
        };
      }
      product.manageStock = NEVER_STOCKED.has(product.type) ? false : input.manage_stock;
    }
    if (product.manageStock !== true) {
      product.stockQuantity = null;
      return undefined;
    }
    if (input.stock_quantity !== undefined) {
      const quantity = Number(input.stock_quantity);
      if (!Number.isFinite(quantity)) return invalidParam('stock_quantity is not of type integer.');
      // wc_stock_amount(): a whole number.
      product.stockQuantity = Math.trunc(quantity);
    }
    product.stockQuantity ??= 0;
    return undefined;
  }
}

function invalidParam(message: string): WooError {
  return { code: 'rest_invalid_param', message: `Invalid parameter(s): ${message}`, data: { status: 400 } };
}

/** `instock` / `outofstock`, as WooCommerce derives it from a managed quantity (no backorders). */
export function stockStatusOf(product: SimProduct): string {
  if (product.manageStock !== true) return 'instock';
  return (product.stockQuantity ?? 0) > 0 ? 'instock' : 'outofstock';
}
