import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CauseType, Database } from '../db/schema.ts';

/**
 * What a Sync History cause names, as the merchant knows it: the order by its number, the adjustment by its
 * reason, the upload by its file name, the feed by its name (a feed run's cause names its feed). `id` is that
 * thing's own id (the feed's, not the run's), so a client can link to it.
 */
export interface CauseSubject {
  id: number;
  name: string;
}

/** Where a subject is looked up. A feed run resolves to its feed; feed state changes name the feed directly. */
type SubjectSource =
  | 'salesOrder'
  | 'purchaseOrder'
  | 'workOrder'
  | 'adjustment'
  | 'upload'
  | 'feed'
  | 'feedRun';

/** Refs that are row ids. Anything else (`drift-sweep`, `listing:4`, a test's `adj-1`) names no row. */
const ROW_ID = /^[1-9]\d{0,14}$/;
/** Marks of a feed turning stale, fresh or removed carry the feed's id, not a run's. */
const FEED_STATE_REF = /^feed-(?:stale|settings|removed):([1-9]\d{0,14})$/;

/** The cause types whose ref is the id of a row; Auto Sync and resync refs describe an action, not a thing. */
const SOURCE_BY_TYPE: Partial<Record<CauseType, SubjectSource>> = {
  sales_order: 'salesOrder',
  channel_order: 'salesOrder',
  purchase_order: 'purchaseOrder',
  work_order: 'workOrder',
  adjustment: 'adjustment',
  upload: 'upload',
  feed: 'feedRun',
};

/** Tables whose own row is the subject, and the column the merchant knows it by. */
const NAMED_ROWS = {
  salesOrder: { table: 'salesOrders', name: 'number' },
  purchaseOrder: { table: 'purchaseOrders', name: 'number' },
  workOrder: { table: 'workOrders', name: 'number' },
  adjustment: { table: 'adjustments', name: 'reason' },
  upload: { table: 'uploads', name: 'filename' },
  feed: { table: 'feeds', name: 'name' },
} as const satisfies Record<Exclude<SubjectSource, 'feedRun'>, { table: string; name: string }>;

interface Lookup {
  source: SubjectSource;
  id: number;
}

function lookupOf(cause: { type: CauseType; ref: string }): Lookup | undefined {
  const feedState = cause.type === 'feed' ? FEED_STATE_REF.exec(cause.ref) : null;
  if (feedState) return { source: 'feed', id: Number(feedState[1]) };
  const source = SOURCE_BY_TYPE[cause.type];
  return source && ROW_ID.test(cause.ref) ? { source, id: Number(cause.ref) } : undefined;
}

const keyOf = (source: string, id: number) => `${source}:${id}`;

/**
 * The subject of each cause, in the order given; null when its type names none or the thing no longer exists
 * (a deleted feed) or belongs to another store. One query for all of them (a UNION ALL with a branch per kind
 * of thing present), none when no cause names a row.
 *
 * @example
 * const [subject] = await causeSubjects(db, storeId, [{ type: 'sales_order', ref: '12' }]); // { id: 12, name: '#1001' }
 */
export async function causeSubjects(
  db: Db,
  storeId: number,
  causes: readonly { type: CauseType; ref: string }[],
): Promise<(CauseSubject | null)[]> {
  const lookups = causes.map(lookupOf);
  const idsBySource = new Map<SubjectSource, Set<number>>();
  for (const lookup of lookups) {
    if (!lookup) continue;
    const ids = idsBySource.get(lookup.source) ?? new Set();
    idsBySource.set(lookup.source, ids.add(lookup.id));
  }
  const branches = [...idsBySource].map(([source, ids]) => subjectRows(db, storeId, source, [...ids]));
  const [first, ...rest] = branches;
  if (!first) return causes.map(() => null);
  const rows = await rest.reduce((union, branch) => union.unionAll(branch), first).execute();
  const found = new Map(
    rows.map((r) => [keyOf(r.source, Number(r.key)), { id: Number(r.subjectId), name: r.name }]),
  );
  return lookups.map((lookup) => (lookup ? (found.get(keyOf(lookup.source, lookup.id)) ?? null) : null));
}

interface SubjectRow {
  source: string;
  /** The id the ref named: the subject's own, or a feed run's. */
  key: number;
  subjectId: number;
  name: string;
}

/** One branch of the union, store-scoped; typed by its row alone, so that branches of any tables combine. */
function subjectRows(
  db: Db,
  storeId: number,
  source: SubjectSource,
  ids: number[],
): SelectQueryBuilder<Database, keyof Database, SubjectRow> {
  if (source === 'feedRun') {
    return db
      .selectFrom('feedRuns')
      .innerJoin('feeds', 'feeds.id', 'feedRuns.feedId')
      .select([
        sql.lit<string>(source).as('source'),
        'feedRuns.id as key',
        'feeds.id as subjectId',
        'feeds.name as name',
      ])
      .where('feedRuns.storeId', '=', storeId)
      .where('feeds.storeId', '=', storeId)
      .where('feedRuns.id', 'in', ids);
  }
  const { table, name } = NAMED_ROWS[source];
  return db
    .selectFrom(table)
    .select([
      sql.lit<string>(source).as('source'),
      sql.ref<number>('id').as('key'),
      sql.ref<number>('id').as('subjectId'),
      sql.ref<string>(name).as('name'),
    ])
    .where('storeId', '=', storeId)
    .where('id', 'in', ids);
}
