import { expect, it } from 'vitest';
import {
  applyUpload,
  BallastError,
  CsvUploadError,
  createStore,
  IdempotencyKeyReusedError,
  NotFoundError,
  recordMovements,
  type Store,
  ValidationError,
  validateUpload,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import {
  autoSyncChannel,
  dirtyPairs,
  onHandByPosition,
  seedOnHand,
  storeWithCatalogue,
} from './support/stock-fixtures.ts';

describeEachDialect('applyUpload', (ctx) => {
  /** A store with products A, B, C (simple) and KIT, location Annex, and A = 10 at the default location. */
  async function setup(allowNegative = false) {
    const { store, annexId, ids } = await storeWithCatalogue(ctx.db, {
      name: 'Uploads',
      skus: ['A', 'B', 'C'],
      kitOfA: 1,
      allowNegative,
    });
    await seedOnHand(ctx.db, store.id, [
      { productId: ids.A!, locationId: store.defaultLocationId, onHand: 10 },
    ]);
    return { store, annexId, ids };
  }

  /** Everything an upload could write for the store. */
  async function snapshot(store: Store) {
    const all = (table: 'movements' | 'uploads' | 'syncDirty' | 'idempotencyKeys') =>
      ctx.db.selectFrom(table).selectAll().where('storeId', '=', store.id).execute();
    return {
      movements: await all('movements'),
      uploads: await all('uploads'),
      dirty: await all('syncDirty'),
      keys: await all('idempotencyKeys'),
      quantities: await ctx.db
        .selectFrom('quantities')
        .select(['productId', 'locationId', 'onHand', 'committed', 'incoming'])
        .where('storeId', '=', store.id)
        .orderBy('productId')
        .orderBy('locationId')
        .execute(),
    };
  }

  async function expectNothingWritten(store: Store, call: () => Promise<unknown>): Promise<CsvUploadError> {
    const before = await snapshot(store);
    const error = await call().then(
      () => expect.fail('the upload should have been refused'),
      (e: unknown) => e,
    );
    expect(await snapshot(store)).toEqual(before);
    expect(error).toBeInstanceOf(CsvUploadError);
    expect((error as CsvUploadError).code).toBe('validation');
    return error as CsvUploadError;
  }

  it('applies set and delta rows through the ledger, one movement per changed row', async () => {
    const { store, ids } = await setup();
    const csv = 'sku,quantity,mode,location\nA,4,set,\nB,3,delta,Annex\nC,0,set,\nB,2,,\nA,0,delta,Annex\n';
    const result = await applyUpload(ctx.db, store.id, csv, { filename: 'stock.csv' });
    expect(result).toMatchObject({ filename: 'stock.csv', rowCount: 5, changed: 3, unchanged: 2 });
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 4, 'B@Annex': 3, 'B@Main': 2 });

    const upload = await ctx.db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', result.uploadId)
      .executeTakeFirst();
    expect(upload).toMatchObject({ storeId: store.id, filename: 'stock.csv', rowCount: 5 });
    const movements = await ctx.db
      .selectFrom('movements')
      .select(['productId', 'delta', 'causeType', 'causeRef', 'bucket'])
      .where('storeId', '=', store.id)
      .where('causeType', '=', 'upload')
      .orderBy('id')
      .execute();
    expect(movements).toEqual([
      {
        productId: ids.A,
        delta: -6,
        causeType: 'upload',
        causeRef: String(result.uploadId),
        bucket: 'on_hand',
      },
      {
        productId: ids.B,
        delta: 3,
        causeType: 'upload',
        causeRef: String(result.uploadId),
        bucket: 'on_hand',
      },
      {
        productId: ids.B,
        delta: 2,
        causeType: 'upload',
        causeRef: String(result.uploadId),
        bucket: 'on_hand',
      },
    ]);
  });

  it('uses defaultMode for rows without a mode', async () => {
    const { store } = await setup();
    await applyUpload(ctx.db, store.id, 'sku,quantity\nA,5\n', { filename: 'd.csv', defaultMode: 'delta' });
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 15 });
  });

  it('applies nothing when any row is wrong, and reports every row', async () => {
    const { store } = await setup();
    const csv = 'sku,quantity,mode\nA,1,delta\nNOPE,1,\nKIT,1,\nB,x,\nA,-11,delta\n';
    const error = await expectNothingWritten(store, () =>
      applyUpload(ctx.db, store.id, csv, { filename: 'bad.csv' }),
    );
    expect(error.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [3, 'sku'],
      [4, 'sku'],
      [5, 'quantity'],
      [6, 'sku'],
    ]);
    expect(error.rowErrors.find((e) => e.row === 6)!.message).toMatch(/already on row 2/);
    expect(error.issues.map((i) => i.path)).toContainEqual(['rows', 3, 'sku']);
    expect(error.errorCount).toBe(4);
  });

  it('refuses a delta below zero per row when the store forbids negative stock, and accepts it otherwise', async () => {
    const strict = await setup(false);
    const error = await expectNothingWritten(strict.store, () =>
      applyUpload(ctx.db, strict.store.id, 'sku,quantity,mode\nB,1,delta\nA,-11,delta\n', {
        filename: 'n.csv',
      }),
    );
    expect(error.rowErrors).toEqual([
      { row: 3, column: 'quantity', message: expect.stringMatching(/would become -1 \(now 10\)/) },
    ]);

    const loose = await setup(true);
    await applyUpload(ctx.db, loose.store.id, 'sku,quantity,mode\nA,-11,delta\n', { filename: 'n.csv' });
    expect(await onHandByPosition(ctx.db, loose.store.id)).toEqual({ 'A@Main': -1 });
  });

  it('applies nothing for malformed CSV, header problems or an empty file', async () => {
    const { store } = await setup();
    const cases: [string, [number, string | null][]][] = [
      ['sku,quantity\nA,1\n"B,2\n', [[3, null]]],
      ['sku,quantity\nA,1\nB,2,3\n', [[3, null]]],
      ['sku,quantity,price\nA,1,9.99\n', [[1, 'price']]],
      ['', [[1, null]]],
      ['sku,quantity\n', [[1, null]]],
    ];
    for (const [csv, expected] of cases) {
      const error = await expectNothingWritten(store, () =>
        applyUpload(ctx.db, store.id, csv, { filename: 'm.csv' }),
      );
      expect(error.rowErrors.map((e) => [e.row, e.column])).toEqual(expected);
    }
  });

  it('replays an idempotency key without writing again, and refuses the key for another file', async () => {
    const { store } = await setup();
    const csv = 'sku,quantity,mode\nA,2,delta\n';
    const first = await applyUpload(ctx.db, store.id, csv, { filename: 'r.csv', idempotencyKey: 'up-1' });
    const again = await applyUpload(ctx.db, store.id, Buffer.from(csv), {
      filename: 'r.csv',
      idempotencyKey: 'up-1',
    });
    expect(again).toEqual(first);
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 12 });
    expect(
      await ctx.db.selectFrom('uploads').select('id').where('storeId', '=', store.id).execute(),
    ).toHaveLength(1);
    const moves = await ctx.db
      .selectFrom('movements')
      .select('idempotencyKey')
      .where('causeType', '=', 'upload')
      .where('causeRef', '=', String(first.uploadId))
      .execute();
    expect(moves).toEqual([{ idempotencyKey: 'up-1' }]);

    await expect(
      applyUpload(ctx.db, store.id, 'sku,quantity,mode\nA,3,delta\n', {
        filename: 'r.csv',
        idempotencyKey: 'up-1',
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 12 });
  });

  it('marks auto-synced products dirty with the upload as cause, in the same transaction', async () => {
    const { store, ids } = await setup();
    const channel = await autoSyncChannel(ctx.db, store.id, [ids.A!, ids.B!]);

    const result = await applyUpload(ctx.db, store.id, 'sku,quantity\nA,10\nB,1\nC,7\n', {
      filename: 'sync.csv',
    });
    const dirty = await dirtyPairs(ctx.db, store.id);
    // A was set to its current value (no change); C has Auto Sync off. The kit contains only A.
    expect(dirty).toEqual([
      {
        channelId: channel,
        productId: ids.B,
        lastCauseType: 'upload',
        lastCauseRef: String(result.uploadId),
      },
    ]);
  });

  it('applies a file covering most of the catalogue (bulk lookups), reading only this store', async () => {
    const store = await createStore(ctx.db, { name: 'Big', defaultLocationName: 'Main' });
    const other = await createStore(ctx.db, { name: 'Big twin', defaultLocationName: 'Main' });
    const skus = Array.from({ length: 1200 }, (_, i) => `BULK-${i}`);
    const at = Date.now();
    const insert = (storeId: number) =>
      ctx.db
        .insertInto('products')
        .values(
          skus.map((sku) => ({ storeId, sku, name: sku, kind: 'simple', createdAt: at, updatedAt: at })),
        )
        .returning(['id', 'sku'])
        .execute();
    const mine = await insert(store.id);
    const twins = await insert(other.id);
    // Stock at every tenth product here, and at every product of the other store (which must not leak in).
    await ctx.db.transaction().execute(async (trx) => {
      await recordMovements(trx, {
        storeId: store.id,
        cause: { type: 'adjustment', ref: 'seed' },
        movements: mine
          .filter((_, i) => i % 10 === 0)
          .map((p) => ({
            productId: p.id,
            locationId: store.defaultLocationId,
            bucket: 'on_hand',
            delta: 100,
          })),
      });
      await recordMovements(trx, {
        storeId: other.id,
        cause: { type: 'adjustment', ref: 'seed' },
        movements: twins.map((p) => ({
          productId: p.id,
          locationId: other.defaultLocationId,
          bucket: 'on_hand',
          delta: 7,
        })),
      });
    });

    const csv = `sku,quantity,mode\n${skus.map((sku, i) => `${sku},${i % 2 === 0 ? 5 : 1},${i % 2 === 0 ? 'set' : 'delta'}`).join('\n')}\n`;
    const check = await validateUpload(ctx.db, store.id, csv, { previewLimit: 11 });
    expect(check.ok).toBe(true);
    expect(check.preview.map((p) => [p.sku, p.onHandBefore, p.onHandAfter])).toEqual(
      skus
        .slice(0, 11)
        .map((sku, i) => [sku, i % 10 === 0 ? 100 : 0, i % 2 === 0 ? 5 : (i % 10 === 0 ? 100 : 0) + 1]),
    );
    const result = await applyUpload(ctx.db, store.id, csv, { filename: 'big.csv' });
    expect(result).toMatchObject({ rowCount: 1200, changed: 1200, unchanged: 0 });
    const stock = await onHandByPosition(ctx.db, store.id);
    // Row i: set 5 (even) or +1 (odd), from 100 at every tenth product, else from 0.
    expect(stock['BULK-0@Main']).toBe(5);
    expect(stock['BULK-1@Main']).toBe(1);
    expect(stock['BULK-10@Main']).toBe(5);
    expect(stock['BULK-11@Main']).toBe(1);
    expect(Object.keys(stock)).toHaveLength(1200);
    const deltas = await ctx.db
      .selectFrom('movements')
      .select((eb) => eb.fn.sum<number>('delta').as('total'))
      .where('causeType', '=', 'upload')
      .where('causeRef', '=', String(result.uploadId))
      .executeTakeFirstOrThrow();
    // 600 sets to 5 (120 of them from 100), 600 deltas of +1.
    expect(Number(deltas.total)).toBe(480 * 5 + 120 * (5 - 100) + 600);
    expect(Object.values(await onHandByPosition(ctx.db, other.id)).every((q) => q === 7)).toBe(true);
  });

  it('refuses bad options and unknown stores with typed errors', async () => {
    const { store } = await setup();
    await expect(
      applyUpload(ctx.db, store.id, 'sku,quantity\nA,1\n', { filename: '  ' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const error = await applyUpload(ctx.db, 999_999, 'sku,quantity\nA,1\n', {
      filename: 'x.csv',
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(BallastError);
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 10 });
  });
});
