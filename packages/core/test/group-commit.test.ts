import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../src/db/connect.ts';
import { transact } from '../src/db/group-commit.ts';
import { createStore } from '../src/stores/stores.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const storeNamed = (db: Db, name: string) =>
  db.selectFrom('stores').select('id').where('name', '=', name).executeTakeFirst();

describeEachDialect('transact', (ctx) => {
  it('gives every concurrent unit its own result, and a failing unit undoes only its own writes', async () => {
    const runs = Array.from({ length: 24 }, () => 0);
    const units = Array.from({ length: 24 }, (_, i) =>
      transact(ctx.db, async (trx) => {
        runs[i]!++;
        const store = await createStore(trx, { name: `unit-${i}` });
        if (i % 5 === 2) throw new Error(`unit ${i} refused after writing`);
        return { i, storeId: store.id };
      }),
    );
    const settled = await Promise.allSettled(units);

    for (const [i, outcome] of settled.entries()) {
      const row = await storeNamed(ctx.db, `unit-${i}`);
      if (i % 5 === 2) {
        expect(outcome).toEqual({
          status: 'rejected',
          reason: new Error(`unit ${i} refused after writing`),
        });
        expect(row).toBeUndefined();
      } else {
        expect(outcome).toEqual({ status: 'fulfilled', value: { i, storeId: row!.id } });
      }
    }
    expect(runs).toEqual(Array.from({ length: 24 }, () => 1));
  });

  it.runIf(ctx.dialect === 'sqlite')(
    'runs each unit of a group alone when the shared commit fails, so only the unit to blame fails',
    async () => {
      const poisoned = 4;
      const refused = 2;
      const runs = Array.from({ length: 7 }, () => 0);
      const units = Array.from({ length: 7 }, (_, i) =>
        transact(ctx.db, async (trx) => {
          runs[i]!++;
          const store = await createStore(trx, { name: `group-${i}` });
          if (i === refused) throw new Error(`unit ${i} refused after writing`);
          if (i === poisoned) {
            // A location of a store that does not exist, its foreign key checked only at COMMIT.
            await sql`pragma defer_foreign_keys = on`.execute(trx);
            await trx
              .insertInto('locations')
              .values({ storeId: -1, name: 'orphan', isDefault: 0, createdAt: 0 })
              .execute();
          }
          return { i, storeId: store.id };
        }),
      );
      const settled = await Promise.allSettled(units);

      for (const [i, outcome] of settled.entries()) {
        const rows = await ctx.db
          .selectFrom('stores')
          .select('id')
          .where('name', '=', `group-${i}`)
          .execute();
        if (i === refused) {
          expect(outcome).toEqual({
            status: 'rejected',
            reason: new Error(`unit ${i} refused after writing`),
          });
          expect(rows).toEqual([]);
        } else if (i === poisoned) {
          expect(outcome).toMatchObject({
            status: 'rejected',
            reason: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' },
          });
          expect(rows).toEqual([]);
        } else {
          // Written once: the failed shared commit left nothing behind for the lone run to add to.
          expect(rows).toHaveLength(1);
          expect(outcome).toEqual({ status: 'fulfilled', value: { i, storeId: rows[0]!.id } });
        }
      }
      expect(await ctx.db.selectFrom('locations').select('id').where('storeId', '=', -1).execute()).toEqual(
        [],
      );
      // Once in the shared commit, once alone; a lone run's outcome is final, committed or not.
      expect(runs).toEqual(Array.from({ length: 7 }, () => 2));
    },
  );

  it('runs concurrent units as some serial order: each sees what the units before it wrote', async () => {
    await createStore(ctx.db, { name: 'counter-0' });
    // Each unit renames counter-n to counter-(n+1): lost updates would leave two units reading the same n.
    const seen = await Promise.all(
      Array.from({ length: 16 }, () =>
        transact(ctx.db, async (trx) => {
          const row = await trx
            .selectFrom('stores')
            .select(['id', 'name'])
            .where('name', 'like', 'counter-%')
            .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
            .executeTakeFirstOrThrow();
          const n = Number(row.name.slice('counter-'.length));
          await trx
            .updateTable('stores')
            .set({ name: `counter-${n + 1}` })
            .where('id', '=', row.id)
            .execute();
          return n;
        }),
      ),
    );
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(await storeNamed(ctx.db, 'counter-16')).toBeDefined();
  });

  it('runs in the caller’s transaction when given one, so the caller’s rollback undoes it', async () => {
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await transact(trx, (inner) => createStore(inner, { name: 'inside' }));
        throw new Error('caller rolls back');
      }),
    ).rejects.toThrow('caller rolls back');
    expect(await storeNamed(ctx.db, 'inside')).toBeUndefined();
  });
});
