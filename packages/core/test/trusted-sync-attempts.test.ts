import { expect, it } from 'vitest';
import {
  createProduct,
  createStore,
  finishSyncAttempts,
  finishTrustedSyncAttempts,
  getSyncHistoryEntry,
  InvalidStateError,
  MAX_ERROR_CODE,
  MAX_ERROR_MESSAGE,
  recordSyncAttempts,
  recordTrustedSyncAttempts,
  type SyncAttemptInput,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('Sync History attempts the sync engine records itself', (ctx) => {
  async function setup() {
    const store = await createStore(ctx.db, { name: 'S' });
    const channel = await ctx.db
      .insertInto('channels')
      .values({ storeId: store.id, connectorId: 'test', name: 'Shop', createdAt: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mug = await createProduct(ctx.db, store.id, { sku: 'MUG', name: 'Blue mug' });
    const listing = await ctx.db
      .insertInto('listings')
      .values({ storeId: store.id, channelId: channel.id, productId: mug.id, createdAt: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attempt = (over: Partial<SyncAttemptInput> = {}): SyncAttemptInput => ({
      storeId: store.id,
      channelId: channel.id,
      productId: mug.id,
      listingId: listing.id,
      status: 'pending',
      quantity: 10,
      previousQuantity: 4,
      cause: { type: 'adjustment', ref: 'adj-1', marks: 3, firstMarkedAt: 500 },
      explanation: { steps: ['x'] },
      attempt: 1,
      seq: 7,
      workerId: 'w1',
      queuedAt: 600,
      startedAt: 600,
      ...over,
    });
    const row = async (id: number) => {
      const {
        id: _,
        createdAt: __,
        ...rest
      } = await ctx.db.selectFrom('syncHistory').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return rest;
    };
    return { storeId: store.id, attempt, row };
  }

  it('stores the same rows as the checked path, ids in input order, long messages cut', async () => {
    const s = await setup();
    const inputs = [
      s.attempt(),
      s.attempt({
        status: 'skipped',
        errorCode: 'unchanged',
        errorMessage: 'x'.repeat(50_000),
        finishedAt: 700,
      }),
    ];
    const checked = await recordSyncAttempts(ctx.db, inputs);
    const trusted = await recordTrustedSyncAttempts(ctx.db, inputs);
    expect(trusted).toHaveLength(2);
    expect(trusted[0]).toBeLessThan(trusted[1]!);
    for (const [i, id] of trusted.entries()) expect(await s.row(id)).toEqual(await s.row(checked[i]!));
    expect((await getSyncHistoryEntry(ctx.db, s.storeId, trusted[1]!)).errorMessage).toHaveLength(
      MAX_ERROR_MESSAGE,
    );
    expect(await recordTrustedSyncAttempts(ctx.db, [])).toEqual([]);
  });

  it('finishes as the checked path does, and refuses an attempt no longer pending, writing nothing', async () => {
    const s = await setup();
    const [a, b, c, d] = await recordTrustedSyncAttempts(ctx.db, [
      s.attempt(),
      s.attempt(),
      s.attempt(),
      s.attempt(),
    ]);
    const outcomes = (first: number, second: number) => [
      {
        id: first,
        status: 'failed' as const,
        errorCode: 'http_500',
        errorMessage: 'y'.repeat(9_000),
        finishedAt: 900,
      },
      { id: second, status: 'pending' as const, pendingHandle: 'feed-42', finishedAt: 901 },
    ];
    await finishSyncAttempts(ctx.db, outcomes(a!, b!));
    await finishTrustedSyncAttempts(ctx.db, outcomes(c!, d!));
    expect(await s.row(c!)).toEqual(await s.row(a!));
    expect(await s.row(d!)).toEqual(await s.row(b!));
    expect(await s.row(c!)).toMatchObject({ previousQuantity: 4, errorMessage: expect.any(String) });
    expect((await s.row(c!)).errorMessage).toHaveLength(MAX_ERROR_MESSAGE);

    // c is finished already: a batch that finishes it again is refused as a whole.
    const [e] = await recordTrustedSyncAttempts(ctx.db, [s.attempt()]);
    await expect(
      finishTrustedSyncAttempts(ctx.db, [
        { id: e!, status: 'succeeded', finishedAt: 950 },
        { id: c!, status: 'succeeded', finishedAt: 950 },
      ]),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(await s.row(e!)).toMatchObject({ status: 'pending', finishedAt: null });
    expect(await s.row(c!)).toMatchObject({ status: 'failed' });
  });

  it("cuts a connector's overlong error code where the checked path refuses it", async () => {
    const s = await setup();
    const longCode = 'connector_said_'.repeat(40);
    await expect(recordSyncAttempts(ctx.db, [s.attempt({ errorCode: longCode })])).rejects.toBeInstanceOf(
      ValidationError,
    );
    const [recorded, pending] = await recordTrustedSyncAttempts(ctx.db, [
      s.attempt({ status: 'failed', errorCode: longCode, finishedAt: 700 }),
      s.attempt(),
    ]);
    const cut = `${longCode.slice(0, MAX_ERROR_CODE - 1)}…`;
    expect((await s.row(recorded!)).errorCode).toBe(cut);

    await finishTrustedSyncAttempts(ctx.db, [
      { id: pending!, status: 'failed', errorCode: longCode, finishedAt: 800 },
    ]);
    expect(await s.row(pending!)).toMatchObject({ status: 'failed', errorCode: cut });
  });
});
