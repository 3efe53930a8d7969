import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { preparedQuery, slotList, slotTuples } from '../db/statement-cache.ts';
import { chunk } from '../shared/chunk.ts';

// Creating a sales order is the busiest write path (every order from every channel and API client): its
// inserts are prepared templates, not rebuilt per order (see preparedQuery).

/** Params: store, number, channel, location, at. No row back when the store already has that number. */
const insertOrder = preparedQuery<{ id: number }>(
  (
    slot,
  ) => sql`insert into sales_orders (store_id, number, channel_id, location_id, status, created_at, updated_at)
    values (${slot(0)}, ${slot(1)}, ${slot(2)}, ${slot(3)}, 'open', ${slot(4)}, ${slot(4)})
    on conflict (store_id, number) do nothing
    returning id`,
);

/** Params: store, order, then (product, quantity) per line. */
const insertLines = preparedQuery<{ id: number }>((slot, rows) => {
  const values = Array.from(
    { length: rows },
    (_, r) => sql`(${slot(0)}, ${slot(1)}, ${slotList(slot, 2 + r * 2, 2)})`,
  );
  return sql`insert into sales_order_lines (store_id, order_id, product_id, quantity)
    values ${sql.join(values)} returning id`;
});

/** Params: (line, product, per unit) per row. */
const insertAllocations = preparedQuery<never>((slot, rows) => {
  return sql`insert into sales_order_allocations (line_id, product_id, per_unit)
    values ${slotTuples(slot, 0, rows, 3)}`;
});

export interface NewSalesOrderHeader {
  storeId: number;
  number: string;
  channelId: number | null;
  locationId: number;
  at: number;
}

/** Inserts an open order's header; undefined when the store already has an order with that number. */
export async function insertSalesOrderHeader(
  trx: Db,
  order: NewSalesOrderHeader,
): Promise<number | undefined> {
  const { storeId, number, channelId, locationId, at } = order;
  const { rows } = await insertOrder(trx, 0, [storeId, number, channelId, locationId, at]);
  return rows[0]?.id;
}

/** Inserts the lines in order and returns their ids in the same order. */
export async function insertSalesOrderLines(
  trx: Db,
  storeId: number,
  orderId: number,
  lines: readonly { productId: number; quantity: number }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunk(lines, ROWS)) {
    const params: unknown[] = [storeId, orderId];
    for (const line of part) params.push(line.productId, line.quantity);
    const { rows } = await insertLines(trx, part.length, params);
    // Ids grow in insertion order within one statement; RETURNING order itself is not promised.
    ids.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

export async function insertSalesOrderAllocations(
  trx: Db,
  allocations: readonly { lineId: number; productId: number; perUnit: number }[],
): Promise<void> {
  for (const part of chunk(allocations, ROWS)) {
    await insertAllocations(
      trx,
      part.length,
      part.flatMap((a) => [a.lineId, a.productId, a.perUnit]),
    );
  }
}

// Rows per statement: far below both dialects' bound-parameter limits.
const ROWS = 1000;
