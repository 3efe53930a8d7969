import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { dialectOf } from './dialect.ts';
import { preparedQuery } from './statement-cache.ts';
import { discardTransactionMemos } from './transaction-memo.ts';

interface Unit {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Group {
  waiting: Unit[];
  flushing: boolean;
}

/** Most units one commit carries: bounds how long the first of them waits for the last. */
const MAX_UNITS = 64;

const groups = new WeakMap<Db, Group>();

const savepoint = preparedQuery<never>(() => sql`savepoint unit`);
const release = preparedQuery<never>(() => sql`release unit`);
const rollbackTo = preparedQuery<never>(() => sql`rollback to unit`);

/**
 * Runs `work` in a transaction of its own (all of it or none of it), like `db.transaction().execute(work)`.
 *
 * On SQLite (one writer, one connection) the units that arrive while a commit is in progress share the
 * next one: each runs inside its own SAVEPOINT, so a unit that throws rolls back only its own writes and
 * gets its own error, while the others commit together. A commit writes every page the transaction
 * touched to the WAL; sales orders arriving together touch the same pages (the sync clock, the outbox, the
 * ledger's newest index pages), so a shared commit costs little more than one. Nobody hears of success
 * before the shared commit is done. If the COMMIT itself fails (SQLITE_BUSY, a full disk, a foreign key
 * deferred to commit), nothing of the group was written, and one unit may be to blame: every unit of the
 * group then runs again alone, in arrival order, each in its own transaction, so only a unit that fails alone
 * fails. PostgreSQL runs transactions side by side, so there each unit simply gets its own.
 *
 * So on SQLite `work` may run twice (the first run's writes rolled back): keep effects outside the database
 * (events, counters) until the returned promise settles.
 *
 * Inside a transaction already, `work` runs in it.
 */
export function transact<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  if (dialectOf(db) !== 'sqlite') return db.transaction().execute(work);
  let group = groups.get(db);
  if (!group) {
    group = { waiting: [], flushing: false };
    groups.set(db, group);
  }
  const joined = group;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!joined.flushing) {
      joined.flushing = true;
      // Let requests whose input is already read queue up first: they share this commit.
      setImmediate(() => void flush(db, joined));
    }
  });
}

async function flush(db: Db, group: Group): Promise<void> {
  try {
    while (group.waiting.length > 0) {
      const units = group.waiting.splice(0, MAX_UNITS);
      if (units.length === 1) await runAlone(db, units[0]!);
      else await runTogether(db, units);
    }
  } finally {
    group.flushing = false;
  }
}

async function runAlone(db: Db, unit: Unit): Promise<void> {
  try {
    unit.resolve(await db.transaction().execute(unit.work));
  } catch (error) {
    unit.reject(error);
  }
}

async function runTogether(db: Db, units: readonly Unit[]): Promise<void> {
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  let committing = false;
  try {
    await db.transaction().execute(async (trx) => {
      for (const unit of units) {
        await savepoint(trx, 0, []);
        try {
          const value = await unit.work(trx);
          await release(trx, 0, []);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await rollbackTo(trx, 0, []);
          discardTransactionMemos(trx);
          await release(trx, 0, []);
          outcomes.push({ ok: false, error });
        }
      }
      committing = true;
    });
  } catch (error) {
    if (committing) {
      // Every unit's savepoint was released inside the open transaction, so all their writes were in it, and
      // a COMMIT that fails writes none of them (Kysely then rolls back, or SQLite already has). The failure
      // may be one unit's doing (a deferred foreign key): each runs again alone, and its outcome then is
      // final, committed or not, so nothing runs a third time.
      for (const unit of units) await runAlone(db, unit);
      return;
    }
    // A savepoint statement failed, e.g. SQLite rolled the whole transaction back on an I/O error and a unit
    // went on in autocommit mode: what was written is unknown, so nothing is run again.
    for (const unit of units) unit.reject(error);
    return;
  }
  units.forEach((unit, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) unit.resolve(outcome.value);
    else unit.reject(outcome.error);
  });
}
