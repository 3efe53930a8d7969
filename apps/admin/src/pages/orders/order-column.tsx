import type { JSX } from 'solid-js';
import { humanize } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';

/** A column of an order list that only some kinds of order have: its header, and its cell in an order's row. */
export interface OrderColumn<Order> {
  header: Column;
  cell: (order: Order) => JSX.Element;
}

/** The order's status in words (“Partially shipped”), as its tab names it. */
export const STATUS_COLUMN: OrderColumn<{ status: string }> = {
  header: 'Status',
  cell: (order) => <td>{humanize(order.status)}</td>,
};
