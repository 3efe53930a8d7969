import type { Db } from '../db/connect.ts';
import type { WorkOrderStatus } from '../db/schema.ts';

export interface WorkOrderComponent {
  productId: number;
  sku: string;
  /** Units the whole work order consumes (per unit x quantity, fixed when the order was created). */
  required: number;
}

export interface WorkOrderHeader {
  id: number;
  storeId: number;
  number: string;
  productId: number;
  sku: string;
  quantity: number;
  locationId: number;
  status: WorkOrderStatus;
  createdAt: number;
  updatedAt: number;
}

export interface WorkOrder extends WorkOrderHeader {
  components: WorkOrderComponent[];
}

/** Work order columns plus the finished product's SKU. */
export const workOrderSelection = [
  'w.id',
  'w.storeId',
  'w.number',
  'w.productId',
  'p.sku',
  'w.quantity',
  'w.locationId',
  'w.status',
  'w.createdAt',
  'w.updatedAt',
] as const;

/** The bill of materials snapshot of a work order, by product id. */
export async function loadWorkOrderComponents(db: Db, workOrderId: number): Promise<WorkOrderComponent[]> {
  return db
    .selectFrom('workOrderComponents as c')
    .innerJoin('products as p', 'p.id', 'c.productId')
    .select(['c.productId', 'p.sku', 'c.required'])
    .where('c.workOrderId', '=', workOrderId)
    .orderBy('c.productId')
    .execute();
}
