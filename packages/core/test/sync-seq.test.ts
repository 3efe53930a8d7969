import { expect, it } from 'vitest';
import { transact } from '../src/db/group-commit.ts';
import { nextSyncSeq } from '../src/outbox/next-seq.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('the sync clock', (ctx) => {
  it('gives the marks of one transaction one number, and every later transaction a larger one', async () => {
    const [first, again] = await ctx.db
      .transaction()
      .execute(async (trx) => [await nextSyncSeq(trx), await nextSyncSeq(trx)]);
    expect(again).toBe(first);
    const next = await ctx.db.transaction().execute((trx) => nextSyncSeq(trx));
    expect(next).toBeGreaterThan(first!);
  });

  it('takes a new number for every statement outside a transaction', async () => {
    const first = await nextSyncSeq(ctx.db);
    expect(await nextSyncSeq(ctx.db)).toBeGreaterThan(first);
  });

  it('never hands out again a number that a unit rolled back had taken for the others of its group', async () => {
    const before = await ctx.db.transaction().execute((trx) => nextSyncSeq(trx));
    // Issued together: on SQLite they share one group commit, the first rolled back to its savepoint.
    const refused = transact(ctx.db, async (trx) => {
      await nextSyncSeq(trx);
      throw new Error('refused after taking a number');
    });
    const kept = transact(ctx.db, (trx) => nextSyncSeq(trx));
    await expect(refused).rejects.toThrow('refused');
    const committed = await kept;
    expect(committed).toBeGreaterThan(before);
    const after = await ctx.db.transaction().execute((trx) => nextSyncSeq(trx));
    expect(after).toBeGreaterThan(committed);
  });
});
