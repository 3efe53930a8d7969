import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import {
  createProduct,
  createStore,
  NotFoundError,
  type Store,
  ValidationError,
  validateUpload,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { seedOnHand, storeWithCatalogue } from './support/stock-fixtures.ts';

describeEachDialect('validateUpload', (ctx) => {
  let store: Store;
  let annexId: number;
  let ids: Record<string, number>;

  beforeAll(async () => {
    ({ store, annexId, ids } = await storeWithCatalogue(ctx.db, {
      name: 'Uploads',
      skus: ['A', 'B', 'C'],
      kitOfA: 2,
    }));
    await seedOnHand(ctx.db, store.id, [
      { productId: ids.A!, locationId: store.defaultLocationId, onHand: 10 },
      { productId: ids.B!, locationId: annexId, onHand: 4 },
    ]);
  });

  const errorsOf = async (csv: string, options = {}) => {
    const result = await validateUpload(ctx.db, store.id, csv, options);
    expect(result.ok).toBe(false);
    return result.errors.map((e) => [e.row, e.column]);
  };

  it('previews set and delta rows with before and after, tolerating BOM, CRLF, blank lines and header case', async () => {
    const csv =
      '\uFEFF SKU , Quantity,MODE,location\r\nA,3,set,\r\n\r\nB,-1,delta,Annex\r\n  \r\nC,5,Delta,main\r\nA,7,,Annex\r\n';
    const result = await validateUpload(ctx.db, store.id, csv);
    expect(result).toEqual({
      ok: true,
      rowCount: 4,
      errors: [],
      errorCount: 0,
      preview: [
        { row: 2, sku: 'A', location: 'Main', mode: 'set', quantity: 3, onHandBefore: 10, onHandAfter: 3 },
        {
          row: 4,
          sku: 'B',
          location: 'Annex',
          mode: 'delta',
          quantity: -1,
          onHandBefore: 4,
          onHandAfter: 3,
        },
        { row: 6, sku: 'C', location: 'Main', mode: 'delta', quantity: 5, onHandBefore: 0, onHandAfter: 5 },
        { row: 7, sku: 'A', location: 'Annex', mode: 'set', quantity: 7, onHandBefore: 0, onHandAfter: 7 },
      ],
    });
  });

  it('uses the defaultMode option for rows without a mode, and caps the preview', async () => {
    const result = await validateUpload(ctx.db, store.id, 'sku,quantity\nA,2\nB,3\nC,4\n', {
      defaultMode: 'delta',
      previewLimit: 2,
    });
    expect(result.ok).toBe(true);
    expect(result.rowCount).toBe(3);
    expect(result.preview.map((p) => [p.row, p.mode, p.onHandAfter])).toEqual([
      [2, 'delta', 12],
      [3, 'delta', 3],
    ]);
  });

  it('reports every row problem at its line and column', async () => {
    const csv = [
      'sku,quantity,mode,location', // 1
      'NOPE,1,,', // 2 unknown SKU
      'KIT,1,,', // 3 kit
      'A,1.5,,', // 4 not an integer
      'A,abc,,', // 5 not an integer
      'A,2000000000,delta,', // 6 out of range
      'A,-3,set,', // 7 negative set
      'A,1,add,', // 8 unknown mode
      'A,1,,Nowhere', // 9 unknown location
      ',1,,', // 10 missing SKU
      'B,,,', // 11 missing quantity
      'C,1,,', // 12 fine
      'C,2,,Main', // 13 duplicate of 12 (default location named)
      'B,-5,delta,Annex', // 14 would take 4 below zero
      'B,1,,Annex,extra', // 15 wrong field count
      'A,-10,delta,', // 16 exactly to zero: fine
    ].join('\n');
    const result = await validateUpload(ctx.db, store.id, csv);
    expect(result.ok).toBe(false);
    expect(result.rowCount).toBe(15);
    expect(result.errorCount).toBe(13);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'sku'],
      [3, 'sku'],
      [4, 'quantity'],
      [5, 'quantity'],
      [6, 'quantity'],
      [7, 'quantity'],
      [8, 'mode'],
      [9, 'location'],
      [10, 'sku'],
      [11, 'quantity'],
      [13, 'sku'],
      [14, 'quantity'],
      [15, null],
    ]);
    const message = (row: number) => result.errors.find((e) => e.row === row)!.message;
    expect(message(2)).toMatch(/unknown SKU "NOPE"/);
    expect(message(3)).toMatch(/kit/);
    expect(message(4)).toMatch(/not a whole number/);
    expect(message(6)).toMatch(/between/);
    expect(message(7)).toMatch(/negative/);
    expect(message(8)).toMatch(/mode "add"/);
    expect(message(9)).toMatch(/unknown location "Nowhere"/);
    expect(message(13)).toMatch(/already on row 12/);
    expect(message(14)).toMatch(/would become -1 \(now 4\)/);
    expect(message(15)).toMatch(/expected 4 fields.*found 5/);
    // Valid rows still get a preview.
    expect(result.preview.map((p) => p.row)).toEqual([12, 16]);
  });

  it('allows deltas below zero when the store allows negative stock', async () => {
    const loose = await createStore(ctx.db, { name: 'Loose', allowNegative: true });
    await createProduct(ctx.db, loose.id, { sku: 'A', name: 'A' });
    const result = await validateUpload(ctx.db, loose.id, 'sku,quantity,mode\nA,-2,delta\n');
    expect(result.ok).toBe(true);
    expect(result.preview[0]).toMatchObject({ onHandBefore: 0, onHandAfter: -2 });
  });

  it('treats SKUs of another store as unknown', async () => {
    const other = await createStore(ctx.db, { name: 'Other' });
    await createProduct(ctx.db, other.id, { sku: 'ONLY-OTHER', name: 'x' });
    expect(await errorsOf('sku,quantity\nONLY-OTHER,1\n')).toEqual([[2, 'sku']]);
  });

  it('rejects unknown, duplicate, unnamed and missing header columns, naming them', async () => {
    const result = await validateUpload(ctx.db, store.id, 'sku,Price,quantity,sku,\nA,1,2,A,\n');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'Price'],
      [1, 'sku'],
      [1, null],
    ]);
    expect(result.errors[0]!.message).toMatch(/unknown column "Price"/);
    expect(result.errors[1]!.message).toMatch(/more than once/);
    expect(result.errors[2]!.message).toMatch(/column 5/);

    const missing = await validateUpload(ctx.db, store.id, 'sku,mode\nA,set\n');
    expect(missing.errors).toEqual([
      { row: 1, column: 'quantity', message: 'missing required column "quantity"' },
    ]);
    expect(missing.rowCount).toBe(0);
  });

  it('reports malformed CSV at the line where it happens, keeping the errors found before it', async () => {
    const unclosed = await validateUpload(ctx.db, store.id, 'sku,quantity\nA,1\nNOPE,1\n"B,2\nC,3\n');
    expect(unclosed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'sku'],
      [4, null],
    ]);
    expect(unclosed.errors[1]!.message).toMatch(/quoted field .* never closed/);

    const badQuote = await validateUpload(ctx.db, store.id, 'sku,quantity\nA,1\n"B"x,2\nC,3\n');
    expect(badQuote.errors.map((e) => [e.row, e.column])).toEqual([[3, null]]);
    expect(badQuote.errors[0]!.message).toMatch(/closing quote/);

    const strayQuote = await validateUpload(ctx.db, store.id, 'sku,quantity\nA,1\n\nB"x,2\n');
    expect(strayQuote.errors.map((e) => [e.row, e.column])).toEqual([[4, null]]);
  });

  it('counts lines inside quoted fields so later rows keep their real line numbers', async () => {
    expect(await errorsOf('sku,quantity\n"A\nB",1\nNOPE,1\n')).toEqual([
      [2, 'sku'],
      [4, 'sku'],
    ]);
  });

  it('refuses an empty file, a blank file and a header without rows', async () => {
    expect(await validateUpload(ctx.db, store.id, '')).toMatchObject({
      ok: false,
      rowCount: 0,
      errors: [{ row: 1, column: null }],
    });
    expect(await errorsOf('\n  \n\n')).toEqual([[1, null]]);
    const headerOnly = await validateUpload(ctx.db, store.id, 'sku,quantity\n\n');
    expect(headerOnly.errors).toEqual([
      { row: 1, column: null, message: 'the file has a header but no rows' },
    ]);
  });

  it('refuses more than 200,000 rows at the first row too many', async () => {
    const rows = Array.from({ length: 200_001 }, () => 'A,1').join('\n');
    const result = await validateUpload(ctx.db, store.id, `sku,quantity\n${rows}\n`);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        row: 200_002,
        column: null,
        message: 'the file has more than 200000 rows; split it into smaller files',
      },
    ]);
  });

  it('keeps the first 1,000 errors and counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `MISSING-${i},1`).join('\n');
    const result = await validateUpload(ctx.db, store.id, `sku,quantity\n${rows}\n`);
    expect(result.errorCount).toBe(1500);
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[999]!.row).toBe(1001);
  });

  it('reads streams and async iterables of chunks, split anywhere (even inside a character)', async () => {
    const bytes = Buffer.from('sku,quantity,location\nA,"1",Main\nB,2,"Ann\nex"\nC,3,Ännex\n');
    const pieces = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) =>
      bytes.subarray(i * 5, i * 5 + 5),
    );
    const fromStream = await validateUpload(ctx.db, store.id, Readable.from(pieces));
    async function* generate() {
      yield* pieces;
    }
    const fromIterable = await validateUpload(ctx.db, store.id, generate());
    for (const result of [fromStream, fromIterable]) {
      expect(result.rowCount).toBe(3);
      expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [3, 'location', 'unknown location "Ann\nex"'],
        [5, 'location', 'unknown location "Ännex"'],
      ]);
    }
  });

  it('writes nothing, and refuses bad options and unknown stores with typed errors', async () => {
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('movements')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const quantities = () =>
      ctx.db.selectFrom('quantities').selectAll().orderBy('productId').orderBy('locationId').execute();
    const [before, quantitiesBefore] = [await count(), await quantities()];
    await validateUpload(ctx.db, store.id, 'sku,quantity,location\nA,99,\nC,1,Annex\n');
    expect(await count()).toBe(before);
    expect(await quantities()).toEqual(quantitiesBefore);
    expect(await ctx.db.selectFrom('uploads').selectAll().execute()).toEqual([]);
    await expect(
      validateUpload(ctx.db, store.id, 'sku,quantity\nA,1\n', { previewLimit: -1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(validateUpload(ctx.db, 999_999, 'sku,quantity\nA,1\n')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
