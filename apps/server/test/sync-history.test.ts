import {
  applyFeedSnapshot,
  type CauseType,
  type Channel,
  createChannel,
  createFeed,
  createProduct,
  createSalesOrder,
  type Product,
  recordSyncAttempt,
  type SyncStatus,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createApiToken, revokeApiToken } from '../src/auth/api-tokens.ts';
import { createTestServer, type TestServer } from './support/test-server.ts';

interface ProblemBody {
  code: string;
  errors?: { field: string }[];
}
interface Entry {
  id: number;
  productId: number;
  channelId: number;
  sku: string;
  status: SyncStatus;
  quantity: number | null;
  cause: { type: CauseType; ref: string; subject: { id: number; name: string } | null };
  explanation: { steps: string[] };
  createdAt: number;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}
interface SseEvent {
  event?: string;
  id?: string;
  data: string;
}

const fieldsOf = async (res: Response) => ((await res.json()) as ProblemBody).errors?.map((e) => e.field);
const explanation = (quantity: number) => ({
  inputs: { onHand: quantity, committed: 0, available: quantity, locations: [1] },
  rule: { source: 'none', buffer: 0, percent: 100, maxQuantity: null, endWhen: null },
  steps: [`available ${quantity}`],
});

/** Reads Server-Sent Events from a response body, one event at a time. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    reader,
    async next(timeoutMs = 5000): Promise<SseEvent | undefined> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue; // comment (keep-alive)
          const event: SseEvent = { data: '' };
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(': ');
            const value = rest.join(': ');
            if (field === 'event') event.event = value;
            else if (field === 'id') event.id = value;
            else if (field === 'data') event.data += value;
          }
          return event;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event in time');
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), left)),
        ]);
        if (chunk.done) return undefined;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}

/** Counts every statement a Kysely instance runs, to see whether a stream still polls. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

for (const dialect of DIALECTS) {
  describe(`Sync History API [${dialect}]`, () => {
    let s: TestServer;
    let base: string;
    let web: Channel;
    let market: Channel;
    let mug: Product;
    let plate: Product;
    let theirEntryId: number;
    const ids: number[] = [];

    const record = (
      product: Product,
      channel: Channel,
      status: SyncStatus,
      quantity: number,
      {
        storeId = s.store.id,
        cause = ['adjustment', '1'],
      }: { storeId?: number; cause?: [CauseType, string] } = {},
    ) =>
      recordSyncAttempt(s.t.db, {
        storeId,
        channelId: channel.id,
        productId: product.id,
        status,
        quantity,
        cause: { type: cause[0], ref: cause[1], marks: 1, firstMarkedAt: 1000 },
        explanation: explanation(quantity),
        attempt: 1,
        seq: 1,
        queuedAt: 1000,
      });
    const historyCount = async () => {
      const row = await s.t.db
        .selectFrom('syncHistory')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const openStream = (
      query = '',
      headers: Record<string, string> = {},
      app = s.app,
      signal?: AbortSignal,
    ) =>
      app.request(`/api/v1${base}/sync-history/stream${query}`, {
        headers: { authorization: `Bearer ${s.token}`, ...headers },
        ...(signal && { signal }),
      });

    beforeAll(async () => {
      s = await createTestServer(dialect);
      base = `/stores/${s.store.id}`;
      web = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Web' });
      market = await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Market' });
      mug = await createProduct(s.t.db, s.store.id, { sku: 'MUG', name: 'Mug' });
      plate = await createProduct(s.t.db, s.store.id, { sku: 'PLATE', name: 'Plate' });
      // Five attempts at known times: t = 1h, 2h, 3h, 4h, 5h after the epoch day 2024-06-10.
      const day = Date.parse('2024-06-10T00:00:00Z');
      // Purchase order 1001 shares its ref with sales order 1001.
      const plan: [Product, Channel, SyncStatus, [CauseType, string]][] = [
        [mug, web, 'succeeded', ['sales_order', '1001']],
        [mug, market, 'failed', ['adjustment', '1']],
        [plate, web, 'retrying', ['sales_order', '1001']],
        [plate, market, 'succeeded', ['purchase_order', '1001']],
        [mug, web, 'skipped', ['feed', '7']],
      ];
      for (const [i, [product, channel, status, cause]] of plan.entries()) {
        const id = await record(product, channel, status, i + 1, { cause });
        await s.t.db
          .updateTable('syncHistory')
          .set({ createdAt: day + (i + 1) * 3_600_000 })
          .where('id', '=', id)
          .execute();
        ids.push(id);
      }
      const otherChannel = await createChannel(s.t.db, s.otherStore.id, {
        connectorId: 'webhook',
        name: 'X',
      });
      const otherProduct = await createProduct(s.t.db, s.otherStore.id, { sku: 'MUG', name: 'Their mug' });
      theirEntryId = await record(otherProduct, otherChannel, 'failed', 9, {
        storeId: s.otherStore.id,
        cause: ['sales_order', '1001'],
      });
    });
    afterAll(() => s.close());

    describe('happy', () => {
      it('lists newest first in keyset pages', async () => {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const res = await s.request(
            'GET',
            `${base}/sync-history?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(res.status).toBe(200);
          const page = (await res.json()) as Page;
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((e) => e.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual([...ids].reverse());
      });

      it('filters by product, channel, status (repeated or comma list) and time (ISO or epoch ms)', async () => {
        const idsOf = async (query: string) => {
          const res = await s.request('GET', `${base}/sync-history?${query}`);
          expect(res.status, query).toBe(200);
          return ((await res.json()) as Page).items.map((e) => e.id);
        };
        expect(await idsOf(`productId=${mug.id}`)).toEqual([ids[4], ids[1], ids[0]]);
        expect(await idsOf(`channelId=${market.id}`)).toEqual([ids[3], ids[1]]);
        expect(await idsOf('status=failed&status=retrying')).toEqual([ids[2], ids[1]]);
        expect(await idsOf('status=failed,retrying')).toEqual([ids[2], ids[1]]);
        expect(await idsOf(`productId=${mug.id}&channelId=${web.id}&status=succeeded`)).toEqual([ids[0]]);
        expect(await idsOf('from=2024-06-10T02:00:00Z&to=2024-06-10T04:00:00Z')).toEqual([ids[2], ids[1]]);
        const from = Date.parse('2024-06-10T04:00:00Z');
        expect(await idsOf(`from=${from}`)).toEqual([ids[4], ids[3]]);
      });

      it('filters by cause type (repeated or comma list) and by a cause ref within one type', async () => {
        const idsOf = async (query: string) => {
          const res = await s.request('GET', `${base}/sync-history?${query}`);
          expect(res.status, query).toBe(200);
          return ((await res.json()) as Page).items.map((e) => e.id);
        };
        expect(await idsOf('causeType=sales_order')).toEqual([ids[2], ids[0]]);
        expect(await idsOf('causeType=sales_order&causeType=feed')).toEqual([ids[4], ids[2], ids[0]]);
        expect(await idsOf('causeType=sales_order,feed')).toEqual([ids[4], ids[2], ids[0]]);
        expect(await idsOf('causeType=sales_order&causeRef=1001')).toEqual([ids[2], ids[0]]);
        expect(await idsOf('causeType=purchase_order&causeRef=1001')).toEqual([ids[3]]);
        expect(await idsOf('causeType=sales_order&causeRef=1002')).toEqual([]);
        expect(await idsOf(`causeType=sales_order&causeRef=1001&productId=${plate.id}`)).toEqual([ids[2]]);
        expect(await idsOf('causeType=sales_order&causeRef=1001&status=succeeded&limit=1')).toEqual([ids[0]]);
      });

      it('reads one entry with its explanation', async () => {
        const res = await s.request('GET', `${base}/sync-history/${ids[1]}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          id: ids[1],
          sku: 'MUG',
          channelName: 'Market',
          status: 'failed',
          quantity: 2,
          cause: { type: 'adjustment', marks: 1 },
          explanation: { steps: ['available 2'], rule: { source: 'none' } },
        });
      });

      it('counts activity per bucket and status for the chart', async () => {
        const res = await s.request(
          'GET',
          `${base}/sync-activity?from=2024-06-10T00:00:00Z&to=2024-06-10T06:00:00Z&bucket=7200000`,
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          bucketMs: number;
          buckets: { start: number; total: number; counts: Record<SyncStatus, number> }[];
        };
        expect(body.bucketMs).toBe(7_200_000);
        expect(body.buckets.map((b) => b.total)).toEqual([1, 2, 2]);
        expect(body.buckets[1]!.counts).toMatchObject({ failed: 1, retrying: 1, succeeded: 0 });
        expect(body.buckets[2]!.counts).toMatchObject({ succeeded: 1, skipped: 1 });
      });

      it('streams an entry written after connecting, with the same filters, and resumes after Last-Event-ID', async () => {
        const res = await openStream(`?productId=${plate.id}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/event-stream');
        const events = sseReader(res.body!);
        const ready = await events.next();
        expect(ready).toMatchObject({ event: 'ready' });
        // Starts after this store's newest entry (another store's later one does not count).
        expect(JSON.parse(ready!.data)).toEqual({ lastId: ids[4] });

        await record(mug, web, 'succeeded', 40); // another product: filtered out
        const fresh = await record(plate, web, 'failed', 41);
        const event = await events.next();
        expect(event).toMatchObject({ event: 'entry', id: String(fresh) });
        expect(JSON.parse(event!.data)).toMatchObject({
          id: fresh,
          sku: 'PLATE',
          status: 'failed',
          quantity: 41,
        });
        await events.reader.cancel();

        // A reconnecting client sends the last id it saw and gets what it missed, oldest first.
        const resumed = sseReader((await openStream('', { 'last-event-id': String(ids[3]) })).body!);
        expect(JSON.parse((await resumed.next())!.data)).toEqual({ lastId: ids[3] });
        const missed: number[] = [];
        for (let i = 0; i < 3; i++) missed.push(Number((await resumed.next())!.id));
        expect(missed[0]).toBe(ids[4]);
        expect(missed[2]).toBe(fresh);
        await resumed.reader.cancel();
      });

      it('streams only entries of the filtered cause', async () => {
        const events = sseReader((await openStream('?causeType=sales_order&causeRef=2001')).body!);
        expect((await events.next())?.event).toBe('ready');
        await record(mug, web, 'succeeded', 50, { cause: ['purchase_order', '2001'] }); // same ref, other type
        await record(mug, web, 'succeeded', 51, { cause: ['sales_order', '2002'] });
        const wanted = await record(plate, web, 'succeeded', 52, { cause: ['sales_order', '2001'] });
        const event = await events.next();
        expect(event).toMatchObject({ event: 'entry', id: String(wanted) });
        expect(JSON.parse(event!.data)).toMatchObject({ cause: { type: 'sales_order', ref: '2001' } });
        await events.reader.cancel();
      });

      it('stops polling when the client goes away (body cancelled or request aborted)', async () => {
        const counter = new QueryCounter();
        const app = createApp({ ...s.deps, db: s.t.db.withPlugin(counter) }, { logError: () => {} });

        const cancelled = sseReader((await openStream('', {}, app)).body!);
        expect((await cancelled.next())?.event).toBe('ready');
        await new Promise((resolve) => setTimeout(resolve, 1200)); // at least one poll after ready
        await cancelled.reader.cancel();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const afterCancel = counter.count;
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(counter.count).toBe(afterCancel);

        const abort = new AbortController();
        const aborted = sseReader((await openStream('', {}, app, abort.signal)).body!);
        expect((await aborted.next())?.event).toBe('ready');
        abort.abort();
        // The server ends the stream itself: the client sees the end, and polling stops.
        expect(await aborted.next(3000)).toBeUndefined();
        const afterAbort = counter.count;
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(counter.count).toBe(afterAbort);
      });
      it('names each cause as the merchant knows it in the list, one entry and the stream', async () => {
        const line = [{ sku: 'MUG', quantity: 1 }];
        const order = await createSalesOrder(s.t.db, s.store.id, { number: '#1001', lines: line });
        const theirOrder = await createSalesOrder(s.t.db, s.otherStore.id, { number: 'THEIRS', lines: line });
        const feed = await createFeed(s.t.db, s.store.id, { name: 'Supplier A' });
        const run = await applyFeedSnapshot(s.t.db, s.store.id, feed.id, {
          items: [{ sku: 'MUG', onHand: 3 }],
        });
        const events = sseReader((await openStream(`?causeType=sales_order&causeRef=${order.id}`)).body!);
        expect((await events.next())?.event).toBe('ready');

        const fromOrder = await record(mug, web, 'succeeded', 60, {
          cause: ['sales_order', String(order.id)],
        });
        const fromRun = await record(plate, web, 'succeeded', 61, { cause: ['feed', String(run.runId)] });
        const fromTheirs = await record(mug, web, 'failed', 62, {
          cause: ['sales_order', String(theirOrder.id)],
        });
        const expected = new Map([
          [fromOrder, { id: order.id, name: '#1001' }],
          [fromRun, { id: feed.id, name: 'Supplier A' }],
          [fromTheirs, null],
          [ids[0]!, null], // sales order 1001 (an id) never existed
        ]);

        const page = (await (await s.request('GET', `${base}/sync-history?limit=500`)).json()) as Page;
        const listed = new Map(page.items.map((e) => [e.id, e.cause]));
        for (const [id, subject] of expected) {
          expect(listed.get(id)?.subject, String(id)).toEqual(subject);
          const one = (await (await s.request('GET', `${base}/sync-history/${id}`)).json()) as Entry;
          expect(one.cause.subject, String(id)).toEqual(subject);
        }
        // The ref stays the id: the filter still takes it.
        expect(listed.get(fromOrder)).toMatchObject({ type: 'sales_order', ref: String(order.id) });

        const event = await events.next();
        expect(event).toMatchObject({ event: 'entry', id: String(fromOrder) });
        expect((JSON.parse(event!.data) as Entry).cause).toMatchObject({
          ref: String(order.id),
          subject: { id: order.id, name: '#1001' },
        });
        await events.reader.cancel();
      });
    });

    describe('error', () => {
      it('refuses invalid query parameters with 422 naming the field', async () => {
        const cases: [string, string][] = [
          ['/sync-history?status=late', 'query.status[0]'],
          ['/sync-history?status=failed,,late', 'query.status[1]'],
          ['/sync-history?status=,', 'query.status'],
          ['/sync-history?from=yesterday', 'query.from'],
          ['/sync-history?to=2024-13-45T00:00:00Z', 'query.to'],
          ['/sync-history?limit=0', 'query.limit'],
          ['/sync-history?productId=abc', 'query.productId'],
          ['/sync-history?from=2000&to=1000', 'query.to'],
          ['/sync-history?cursor=garbage', 'query.cursor'],
          ['/sync-history/abc', 'path.entryId'],
          ['/sync-activity?to=1000&bucket=10', 'query.from'],
          ['/sync-activity?from=0&to=100000000&bucket=1', 'query.bucket'],
          ['/sync-activity?from=1000&to=1000&bucket=10', 'query.to'],
          ['/sync-history/stream?status=late', 'query.status[0]'],
          ['/sync-history/stream?channelId=-1', 'query.channelId'],
          ['/sync-history?causeType=order', 'query.causeType[0]'],
          ['/sync-history?causeType=feed,order', 'query.causeType[1]'],
          ['/sync-history?causeRef=1001', 'query.causeRef'],
          ['/sync-history?causeType=sales_order,purchase_order&causeRef=1001', 'query.causeRef'],
          ['/sync-history?causeType=sales_order&causeRef=', 'query.causeRef'],
          [`/sync-history?causeType=feed&causeRef=${'x'.repeat(501)}`, 'query.causeRef'],
          ['/sync-history/stream?causeType=order', 'query.causeType[0]'],
          ['/sync-history/stream?causeRef=1001', 'query.causeRef'],
        ];
        for (const [path, field] of cases) {
          const res = await s.request('GET', `${base}${path}`);
          expect(res.status, path).toBe(422);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(await fieldsOf(res), path).toContain(field);
        }
        const resume = await openStream('', { 'last-event-id': 'x' });
        expect(resume.status).toBe(422);
        expect(await fieldsOf(resume)).toEqual(['header.last-event-id']);
      });

      it('answers an unknown entry with 404', async () => {
        const before = await historyCount();
        const res = await s.request('GET', `${base}/sync-history/999999`);
        expect(res.status).toBe(404);
        expect(((await res.json()) as ProblemBody).code).toBe('not_found');
        expect(await historyCount()).toBe(before);
      });
    });

    describe('security', () => {
      const paths = () => [
        '/sync-history',
        `/sync-history/${ids[0]}`,
        '/sync-activity?from=0&to=1000&bucket=100',
        '/sync-history/stream',
      ];

      it('refuses no token and a revoked token', async () => {
        const { token, secret } = await createApiToken(s.t.db, s.store.id, 'old');
        await revokeApiToken(s.t.db, s.store.id, token.id);
        for (const path of paths()) {
          for (const bearer of [null, secret]) {
            const res = await s.request('GET', `${base}${path}`, { token: bearer });
            expect(res.status, path).toBe(401);
            expect(res.headers.get('content-type')).toBe('application/problem+json');
          }
        }
      });

      it('refuses another store’s token on every route', async () => {
        for (const path of paths()) {
          const res = await s.request('GET', `${base}${path}`, { token: s.otherToken });
          expect(res.status, path).toBe(403);
        }
      });

      it('never shows another store’s entries under this store’s path', async () => {
        expect((await s.request('GET', `${base}/sync-history/${theirEntryId}`)).status).toBe(404);
        const page = (await (await s.request('GET', `${base}/sync-history?limit=500`)).json()) as Page;
        expect(page.items.map((e) => e.id)).not.toContain(theirEntryId);
        // Their entry has the same cause as two of ours.
        const sameCause = (await (
          await s.request('GET', `${base}/sync-history?causeType=sales_order&causeRef=1001`)
        ).json()) as Page;
        expect(sameCause.items.map((e) => e.id)).toEqual([ids[2], ids[0]]);

        const events = sseReader((await openStream()).body!);
        await events.next();
        const other = await createProduct(s.t.db, s.otherStore.id, { sku: `O-${dialect}`, name: 'o' });
        const channel = await createChannel(s.t.db, s.otherStore.id, { connectorId: 'webhook', name: 'Y' });
        await record(other, channel, 'failed', 1, { storeId: s.otherStore.id });
        const ours = await record(mug, web, 'succeeded', 2);
        // The first event after theirs was written is ours: theirs never reached this stream.
        expect((await events.next())?.id).toBe(String(ours));
        await events.reader.cancel();
      });
    });
  });
}
