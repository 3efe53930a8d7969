/** How the admin names a kind of order, and where its pages and routes are. */
export interface OrderKind<Param extends string = string> {
  /** One order, as its page's heading and the toasts name it: “Sales order”. */
  name: string;
  /** The list's heading, and the way back to it from an order's page: “Sales Orders”. */
  title: string;
  /** The path of its pages below the store: `sales-orders`. */
  route: string;
  /** How its page's route and the API's routes name the order's id: `orderId`. */
  param: Param;
}

/** How the kind's routes name one order: `{ storeId, orderId }`. */
export type OrderPath<Param extends string> = { storeId: number } & Record<Param, number>;

/** The path of the kind's routes to one order of a store. */
export function orderPath<Param extends string>(kind: OrderKind<Param>, storeId: number, id: number) {
  return { storeId, [kind.param]: id } as OrderPath<Param>;
}

export const SALES_ORDER: OrderKind<'orderId'> = {
  name: 'Sales order',
  title: 'Sales Orders',
  route: 'sales-orders',
  param: 'orderId',
};

export const PURCHASE_ORDER: OrderKind<'orderId'> = {
  name: 'Purchase order',
  title: 'Purchase Orders',
  route: 'purchase-orders',
  param: 'orderId',
};

export const WORK_ORDER: OrderKind<'workOrderId'> = {
  name: 'Work order',
  title: 'Work Orders',
  route: 'work-orders',
  param: 'workOrderId',
};
