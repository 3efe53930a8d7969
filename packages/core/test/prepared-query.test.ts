import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { preparedQuery } from '../src/db/statement-cache.ts';
import { createStore } from '../src/stores/stores.ts';
import { describeEachDialect } from '../src/testing/index.ts';

// Two stores' names by id list: the shape is the list's length, and slot 0 is used twice.
const storeNames = preparedQuery<{ name: string; nameAgain: string }>(
  (slot, count) =>
    sql`select name, name || ${slot(0)} as name_again from stores
      where id in (${sql.join(Array.from({ length: count }, (_, i) => slot(1 + i)))}) order by id`,
);

describeEachDialect('preparedQuery', (ctx) => {
  let ids: number[];

  beforeAll(async () => {
    ids = [];
    for (const name of ['Alpha', 'Beta', 'Gamma']) ids.push((await createStore(ctx.db, { name })).id);
  });

  it('runs each call with its own parameters, per shape, inside and outside transactions', async () => {
    const first = await storeNames(ctx.db, 2, ['!', ids[0], ids[2]]);
    expect(first.rows).toEqual([
      { name: 'Alpha', nameAgain: 'Alpha!' },
      { name: 'Gamma', nameAgain: 'Gamma!' },
    ]);
    // Same shape, new values: nothing of the first call is kept but the SQL.
    const second = await ctx.db.transaction().execute((trx) => storeNames(trx, 2, ['?', ids[1], ids[2]]));
    expect(second.rows.map((r) => r.nameAgain)).toEqual(['Beta?', 'Gamma?']);
    const one = await storeNames(ctx.db, 1, ['', ids[1]]);
    expect(one.rows).toEqual([{ name: 'Beta', nameAgain: 'Beta' }]);
  });

  it('refuses a template with a value not given through a slot (it would be frozen into the cache)', async () => {
    const frozen = preparedQuery<{ id: number }>(
      (slot) => sql`select id from stores where id = ${slot(0)} and name = ${'Alpha'}`,
    );
    await expect(frozen(ctx.db, 0, [ids[0]])).rejects.toThrow('only through slot()');
  });
});
