import { For, type JSX } from 'solid-js';
import { useStore } from '../../store/store-context.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { SkuLink } from '../../ui/sku-link.tsx';

/**
 * A table of what an order takes or makes, a row per SKU (`data-sku`): the SKU, which opens its product, with
 * the kind's `note` under it, then the kind's `columns`.
 */
export function OrderSkuTable<Row extends { sku: string; productId: number }>(props: {
  label: string;
  rows: readonly Row[];
  columns: readonly SkuColumn<Row>[];
  note?: (row: Row) => JSX.Element;
}) {
  const { storeId } = useStore();
  return (
    <DataTable
      label={props.label}
      columns={[
        'SKU',
        ...props.columns.map((c) => ('count' in c ? { label: c.label, numeric: true } : c.label)),
      ]}
    >
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr data-sku={row.sku}>
              <td>
                <SkuLink storeId={storeId()} productId={row.productId} sku={row.sku} />
                {props.note?.(row)}
              </td>
              {props.columns.map((c) =>
                'count' in c ? <td class="num">{c.count(row)}</td> : <td>{c.text(row)}</td>,
              )}
            </tr>
          )}
        </For>
      </tbody>
    </DataTable>
  );
}

/** A column after the SKU: a count, aligned right (“Ordered”), or words (“Stock”). */
export type SkuColumn<Row> =
  | { label: string; count: (row: Row) => number }
  | { label: string; text: (row: Row) => string };
