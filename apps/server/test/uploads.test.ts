import { createLocation, listLocations } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../src/routes/uploads/upload-body-limit.ts';
import {
  createTestServer,
  expectProblem,
  rowCount,
  seedStock,
  stockOf,
  type TestServer,
} from './support/test-server.ts';

const SKUS = ['MUG', 'CUP', 'BOWL'];

for (const dialect of DIALECTS) {
  describe(`uploads API [${dialect}]`, () => {
    let s: TestServer;
    let notified = 0;
    const path = (query = '') => `/stores/${s.store.id}/uploads${query}`;
    /** Sends the CSV as multipart/form-data, the way a browser form does. */
    const uploadForm = (
      csv: string,
      options: { query?: string; mode?: string; filename?: string; token?: string | null; key?: string } = {},
    ) => {
      const form = new FormData();
      form.set('file', new File([csv], options.filename ?? 'stock.csv', { type: 'text/csv' }));
      if (options.mode) form.set('mode', options.mode);
      const headers: Record<string, string> = {};
      const token = options.token === undefined ? s.token : options.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (options.key) headers['idempotency-key'] = options.key;
      return s.app.request(`/api/v1${path(options.query ?? '')}`, { method: 'POST', headers, body: form });
    };
    const uploadText = (csv: string, query = '', headers: Record<string, string> = {}) =>
      s.request('POST', path(query), { body: csv, headers: { 'content-type': 'text/csv', ...headers } });
    const snapshot = async () => ({
      uploads: await rowCount(s, 'uploads'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all(SKUS.map((sku) => stockOf(s, sku))),
    });

    beforeAll(async () => {
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { MUG: 10, CUP: 5, BOWL: 0 });
      await createLocation(s.t.db, s.store.id, { name: 'Annex' });
    });
    afterAll(() => s.close());
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('dry-runs a multipart file: a preview of every row, nothing written', async () => {
        const before = await snapshot();
        const main = (await listLocations(s.t.db, s.store.id)).find((l) => l.isDefault)!.name;
        const res = await uploadForm(
          'sku,quantity,mode,location\nMUG,12,set,\nCUP,-2,delta,\nBOWL,7,,Annex\n',
          {
            query: '?dryRun=true',
          },
        );
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
          ok: true,
          rowCount: 3,
          errors: [],
          errorCount: 0,
          preview: [
            {
              row: 2,
              sku: 'MUG',
              location: main,
              mode: 'set',
              quantity: 12,
              onHandBefore: 10,
              onHandAfter: 12,
            },
            {
              row: 3,
              sku: 'CUP',
              location: main,
              mode: 'delta',
              quantity: -2,
              onHandBefore: 5,
              onHandAfter: 3,
            },
            {
              row: 4,
              sku: 'BOWL',
              location: 'Annex',
              mode: 'set',
              quantity: 7,
              onHandBefore: 0,
              onHandAfter: 7,
            },
          ],
        });
        expect(await snapshot()).toEqual(before);
        expect(notified).toBe(0);
      });

      it('dry-runs a bad file: each problem with its row and column, nothing written', async () => {
        const before = await snapshot();
        const res = await uploadForm('sku,quantity\nMUG,1\nNOPE,2\nCUP,two\n', { query: '?dryRun=true' });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { ok: boolean; errors: unknown[]; preview: unknown[] };
        expect(body.ok).toBe(false);
        expect(body.errors).toEqual([
          { row: 3, column: 'sku', message: 'unknown SKU "NOPE"' },
          { row: 4, column: 'quantity', message: '"two" is not a whole number' },
        ]);
        expect(await snapshot()).toEqual(before);
      });

      it('applies a multipart file all at once', async () => {
        const res = await uploadForm(
          'sku,quantity,mode,location\nMUG,12,set,\nCUP,-2,delta,\nBOWL,7,,Annex\n',
        );
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({
          filename: 'stock.csv',
          rowCount: 3,
          changed: 3,
          unchanged: 0,
        });
        expect((await stockOf(s, 'MUG')).onHand).toBe(12);
        expect((await stockOf(s, 'CUP')).onHand).toBe(3);
        expect((await stockOf(s, 'BOWL')).onHand).toBe(7);
        expect(notified).toBe(1);
      });

      it('takes the default mode from the form field, or from the query for a text/csv body', async () => {
        const form = await uploadForm('sku,quantity\nMUG,1\n', { mode: 'delta', filename: 'more.csv' });
        expect(form.status).toBe(201);
        expect(await form.json()).toMatchObject({ filename: 'more.csv', changed: 1 });
        expect((await stockOf(s, 'MUG')).onHand).toBe(13);

        const text = await uploadText('sku,quantity\nMUG,-3\nCUP,3\n', '?mode=delta&filename=night.csv');
        expect(text.status).toBe(201);
        expect(await text.json()).toMatchObject({ filename: 'night.csv', rowCount: 2, changed: 2 });
        expect((await stockOf(s, 'MUG')).onHand).toBe(10);
        expect((await stockOf(s, 'CUP')).onHand).toBe(6);

        // A "set" to the current count changes nothing and moves nothing.
        const same = await uploadText('sku,quantity\nMUG,10\n');
        expect(await same.json()).toMatchObject({ filename: 'upload.csv', changed: 0, unchanged: 1 });
      });

      it('applies once for a repeated Idempotency-Key', async () => {
        const before = await snapshot();
        const send = () =>
          uploadText('sku,quantity\nBOWL,1\n', '?mode=delta', { 'idempotency-key': 'upload-1' });
        const first = await send();
        const second = await send();
        expect(first.status).toBe(201);
        expect(await second.json()).toEqual(await first.json());
        expect(await rowCount(s, 'uploads')).toBe(before.uploads + 1);
        expect((await stockOf(s, 'BOWL')).onHand).toBe(before.stock[2]!.onHand! + 1);
      });
    });

    describe('error', () => {
      it('refuses a file with bad rows with 422 naming each row and column, writing nothing', async () => {
        const before = await snapshot();
        const res = await uploadForm(
          'sku,quantity,location\nMUG,5,\nNOPE,1,\nCUP,abc,\nBOWL,-1,\nBOWL,1,Attic\n',
        );
        const body = await expectProblem(res, 422);
        expect(body.errors).toEqual([
          { field: 'body.rows[3].sku', row: 3, column: 'sku', reason: 'unknown SKU "NOPE"' },
          {
            field: 'body.rows[4].quantity',
            row: 4,
            column: 'quantity',
            reason: '"abc" is not a whole number',
          },
          {
            field: 'body.rows[5].quantity',
            row: 5,
            column: 'quantity',
            reason: expect.stringContaining('negative'),
          },
          { field: 'body.rows[6].location', row: 6, column: 'location', reason: 'unknown location "Attic"' },
        ]);
        expect(body.detail).toContain('4 errors');
        expect(await snapshot()).toEqual(before);
        expect(notified).toBe(0);
      });

      it('refuses malformed CSV at the line it breaks, writing nothing', async () => {
        const before = await snapshot();
        const quote = await expectProblem(await uploadText('sku,quantity\nMUG,1\n"CUP,2\n'), 422);
        expect(quote.errors).toEqual([
          { field: 'body.rows[3]', row: 3, reason: expect.stringContaining('never closed') },
        ]);
        const header = await expectProblem(await uploadText('sku,qty\nMUG,1\n'), 422);
        expect(header.errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ row: 1, column: 'qty' }),
            expect.objectContaining({
              row: 1,
              column: 'quantity',
              reason: 'missing required column "quantity"',
            }),
          ]),
        );
        const width = await expectProblem(await uploadText('sku,quantity\nMUG,1,extra\n'), 422);
        expect(width.errors).toEqual([expect.objectContaining({ field: 'body.rows[2]', row: 2 })]);
        await expectProblem(await uploadText(''), 422);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses a request without a file, or with bad parameters, naming the field', async () => {
        const before = await snapshot();
        const form = new FormData();
        form.set('mode', 'set');
        const noFile = await expectProblem(
          await s.app.request(`/api/v1${path()}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${s.token}` },
            body: form,
          }),
          422,
        );
        expect(noFile.errors).toEqual([expect.objectContaining({ field: 'body.file' })]);
        const noBody = await expectProblem(await s.request('POST', path()), 422);
        expect(noBody.errors).toEqual([expect.objectContaining({ field: 'body.file' })]);
        const badMode = await expectProblem(await uploadForm('sku,quantity\nMUG,1\n', { mode: 'add' }), 422);
        expect(badMode.errors).toEqual([expect.objectContaining({ field: 'body.mode' })]);
        const query = await expectProblem(
          await uploadText('sku,quantity\nMUG,1\n', '?dryRun=maybe&mode=add'),
          422,
        );
        expect(query.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['query.dryRun', 'query.mode']),
        );
        await expectProblem(await s.request('POST', path(), { body: { sku: 'MUG', quantity: 1 } }), 415);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses a body over the size limit with 413, writing nothing', async () => {
        const before = await snapshot();
        const huge = `sku,quantity\n${'MUG,1\n'.repeat(Math.ceil(MAX_UPLOAD_BYTES / 6))}`;
        expect(huge.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
        const body = await expectProblem(await uploadText(huge), 413);
        expect(body.code).toBe('payload_too_large');
        // A declared length over the limit is refused before the body is read.
        const declared = await expectProblem(
          await s.app.request(`/api/v1${path()}`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${s.token}`,
              'content-type': 'text/csv',
              'content-length': String(MAX_UPLOAD_BYTES + 1),
            },
            body: 'sku,quantity\nMUG,1\n',
          }),
          413,
        );
        expect(declared.code).toBe('payload_too_large');
        expect(await snapshot()).toEqual(before);
      });
    });

    it('describes the multipart and text/csv bodies in the OpenAPI document', async () => {
      const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<
          string,
          { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }
        >;
        components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
      };
      const content = doc.paths['/stores/{storeId}/uploads']!.post.requestBody.content;
      expect(Object.keys(content).sort()).toEqual(['multipart/form-data', 'text/csv']);
      const form = doc.components.schemas[content['multipart/form-data']!.schema.$ref.split('/').pop()!]!;
      expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(form.required).toEqual(['file']);
      expect(form.properties).toHaveProperty('mode');
    });

    describe('security', () => {
      it('refuses uploads without a token or with another store’s token, writing nothing', async () => {
        const before = await snapshot();
        await expectProblem(await uploadForm('sku,quantity\nMUG,0\n', { token: null }), 401);
        await expectProblem(await uploadForm('sku,quantity\nMUG,0\n', { token: s.otherToken }), 403);
        await expectProblem(
          await uploadForm('sku,quantity\nMUG,0\n', { token: s.otherToken, query: '?dryRun=true' }),
          403,
        );
        expect(await snapshot()).toEqual(before);
      });

      it('does not see another store’s products through a file', async () => {
        await seedStock(s, { 'THEIR-MUG': 3 }, s.otherStore.id);
        const body = await expectProblem(await uploadForm('sku,quantity\nTHEIR-MUG,0\n'), 422);
        expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: 'sku' })]);
        expect((await stockOf(s, 'THEIR-MUG', s.otherStore.id)).onHand).toBe(3);
      });
    });
  });
}
