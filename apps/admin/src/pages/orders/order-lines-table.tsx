import type { JSX } from 'solid-js';
import { OrderSkuTable, type SkuColumn } from './order-sku-table.tsx';

/**
 * The lines of an order, whatever its kind: each SKU, how many were ordered, what the kind did with them so far
 * (`columns`: shipped, received, built) and how many are still open.
 */
export function OrderLinesTable<
  Line extends { sku: string; productId: number; quantity: number; outstanding: number },
>(props: {
  lines: readonly Line[];
  columns: readonly SkuColumn<Line>[];
  note?: (line: Line) => JSX.Element;
}) {
  return (
    <OrderSkuTable
      label="Order lines"
      rows={props.lines}
      columns={[
        { label: 'Ordered', count: (line) => line.quantity },
        ...props.columns,
        { label: 'Open', count: (line) => line.outstanding },
      ]}
      note={props.note}
    />
  );
}
