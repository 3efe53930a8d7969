// OpenAPI-driven fuzz run: every operation of the live document gets random valid and invalid requests
// (parameters, bodies, content types, credentials) generated from its own schemas, sent in-process to the app
// on a seeded store. No answer may be a 5xx; every 4xx is problem+json; every 2xx matches its documented
// schema; a request that breaks the contract, or carries no valid credential, is never accepted.
//
// FUZZ_RUNS sets the requests per operation (default 60); FUZZ_SEED replays a failing run.

import { DIALECTS } from '@ballast/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/http/problem.ts';
import { TEST_ORIGIN } from '../support/test-server.ts';
import { answerFailures, sendFuzzRequest } from './support/check-response.ts';
import { fuzzHints } from './support/fuzz-hints.ts';
import { fuzzOrder, rememberCreated } from './support/fuzz-order.ts';
import { fuzzRequests } from './support/fuzz-request.ts';
import { createFuzzWorld, type FuzzWorld } from './support/fuzz-world.ts';
import { loadOpenApiDocument } from './support/load-document.ts';
import { type OpenApiDocument, type Operation, operationsOf } from './support/openapi-operations.ts';
import { SchemaValidator } from './support/schema-validator.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

// The operations are listed from the document the app serves, so a new route is fuzzed without a line here.
const document: OpenApiDocument = await loadOpenApiDocument();
const operations: Operation[] = fuzzOrder(operationsOf(document));

for (const dialect of DIALECTS) {
  describe(`OpenAPI fuzz [${dialect}]`, { timeout: 120_000 }, () => {
    let world: FuzzWorld;
    let validator: SchemaValidator;
    /** Status codes seen per operation, to show what the run reached. */
    const seen = new Map<string, Map<number, number>>();

    beforeAll(async () => {
      world = await createFuzzWorld(dialect);
      validator = new SchemaValidator(document);
    });
    afterAll(async () => {
      await world?.close();
      const reached = [...seen.entries()].map(
        ([id, counts]) => `${id}: ${[...counts.entries()].map(([s, n]) => `${s}×${n}`).join(' ')}`,
      );
      console.info(`fuzz [${dialect}] statuses per operation:\n${reached.join('\n')}`);
    });

    it('serves the same document on this dialect', async () => {
      const res = await world.app.request('/api/v1/openapi.json');
      expect(await res.json()).toEqual(document);
    });

    for (const op of operations) {
      it(`${op.id}: no 5xx, problem+json 4xx, 2xx bodies match the schema`, async () => {
        const ctx = fuzzHints(world, document, op);
        const counts = new Map<number, number>();
        seen.set(op.id, counts);
        await fc.assert(
          fc.asyncProperty(fuzzRequests(world, ctx, validator, op), async (req) => {
            const logged = world.loggedErrors.length;
            const answer = await sendFuzzRequest(world, req);
            counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
            const failures = answerFailures(world, validator, op, req, answer);
            if (failures.length === 0) rememberCreated(world, op, answer);
            const errors = world.loggedErrors
              .slice(logged)
              .map((e) => (e instanceof Error ? e.stack : String(e)));
            if (failures.length > 0 || errors.length > 0) {
              throw new Error(
                [...failures, ...errors.map((e) => `logged: ${e}`), `request: ${JSON.stringify(req)}`].join(
                  '\n',
                ),
              );
            }
          }),
          {
            numRuns: RUNS,
            ...(SEED !== undefined && { seed: SEED }),
            endOnFailure: false,
            maxSkipsPerRun: 100,
          },
        );
        // The run reached past the credential checks: some answer came from the route itself.
        expect([...counts.keys()].some((status) => status !== 401)).toBe(true);
      });
    }

    // What earlier runs found (each was a 500), pinned so they stay fixed whatever the random seed.
    describe('findings', () => {
      const NUL = 'a\u0000b';
      const send = async (method: string, path: string, body: unknown, as: 'token' | 'cookie' = 'token') => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (as === 'cookie') Object.assign(headers, { cookie: world.cookie, origin: TEST_ORIGIN });
        else headers.authorization = `Bearer ${world.token}`;
        const res = await world.app.request(`/api/v1${path}`, {
          method,
          headers,
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Problem };
      };

      it('refuses a NUL character in stored or searched text with a field error (PostgreSQL cannot hold it)', async () => {
        const at = `/stores/${world.storeId}`;
        const cases: [string, string, unknown, string, ('token' | 'cookie')?][] = [
          ['POST', '/stores', { name: NUL }, 'body.name', 'cookie'],
          ['PATCH', at, { name: NUL }, 'body.name'],
          ['POST', `${at}/tokens`, { name: NUL }, 'body.name', 'cookie'],
          [
            'POST',
            `${at}/channels`,
            { connectorId: 'webhook', name: NUL, config: world.channelConfig },
            'body.name',
          ],
          ['PATCH', `${at}/channels/${world.pools.channelIds[0]}`, { name: NUL }, 'body.name'],
          ['POST', `${at}/locations`, { name: NUL }, 'body.name'],
          ['POST', `${at}/products`, { sku: NUL, name: 'x' }, 'body.sku'],
          ['POST', `${at}/products`, { sku: 'NUL-NAME', name: NUL }, 'body.name'],
          ['PATCH', `${at}/products/${world.pools.productIds[0]}`, { sku: NUL }, 'body.sku'],
          ['POST', `${at}/products/auto-sync`, { filter: { q: NUL }, enabled: true }, 'body.filter.q'],
          ['POST', `${at}/feeds`, { name: NUL }, 'body.name'],
          [
            'POST',
            `${at}/feeds/${world.pools.feedIds[1]}/snapshots`,
            { items: [{ sku: NUL, onHand: 1 }] },
            'body.items[0].sku',
          ],
        ];
        for (const [method, path, body, field, as] of cases) {
          const res = await send(method, path, body, as);
          expect({ method, path, status: res.status, errors: res.body.errors }).toEqual({
            method,
            path,
            status: 422,
            errors: [{ field, reason: 'cannot contain NUL characters' }],
          });
        }
        const list = await world.app.request(`/api/v1${at}/products?q=${encodeURIComponent(NUL)}`, {
          headers: { authorization: `Bearer ${world.token}` },
        });
        expect(list.status).toBe(422);
        const forged = Buffer.from(JSON.stringify({ s: 'name', d: 'asc', k: NUL, i: 1 })).toString(
          'base64url',
        );
        const page = await world.app.request(`/api/v1${at}/products?sort=name&cursor=${forged}`, {
          headers: { authorization: `Bearer ${world.token}` },
        });
        expect(page.status).toBe(422);
        const upload = await world.app.request(`/api/v1${at}/uploads?filename=${encodeURIComponent(NUL)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${world.token}`, 'content-type': 'text/csv' },
          body: `sku,quantity\n${NUL},1\n`,
        });
        expect(upload.status).toBe(422);
      });

      it('records a feed whose body holds NUL bytes as a failed run', async () => {
        const feed = await send('POST', `/stores/${world.storeId}/feeds`, {
          name: 'Binary',
          url: world.feedUrls[2],
        });
        const run = await send(
          'POST',
          `/stores/${world.storeId}/feeds/${(feed.body as unknown as { id: number }).id}/run`,
          undefined,
        );
        expect(run).toMatchObject({ status: 200, body: { status: 'failed', changed: 0 } });
      });

      it('refuses to delete an assembly that work orders name (their committed components would be stranded)', async () => {
        const at = `/stores/${world.storeId}`;
        // A component of its own: the random runs before may have deleted or changed the seeded products.
        const part = await send('POST', `${at}/products`, { sku: 'FZ-ASM-DEL-PART', name: 'Part' });
        expect(part.status).toBe(201);
        const assembly = await send('POST', `${at}/products`, {
          sku: 'FZ-ASM-DEL',
          name: 'Assembly with an open work order',
          kind: 'assembly',
          components: [{ sku: 'FZ-ASM-DEL-PART', quantity: 1 }],
        });
        expect(assembly.status).toBe(201);
        const id = (assembly.body as unknown as { id: number }).id;
        const order = await send('POST', `${at}/work-orders`, {
          number: 'FZ-WO-DEL',
          sku: 'FZ-ASM-DEL',
          quantity: 1,
        });
        expect(order.status).toBe(201);
        const deleted = await send('DELETE', `${at}/products/${id}`, undefined);
        expect(deleted).toMatchObject({ status: 409, body: { code: 'conflict' } });
        const workOrderId = (order.body as unknown as { id: number }).id;
        const cancelled = await send('POST', `${at}/work-orders/${workOrderId}/cancel`, undefined);
        expect(cancelled.status).toBe(200);
      });

      it('refuses a product update that lists a component twice', async () => {
        const kit = world.pools.productIds[world.pools.skus.indexOf('FZ-KIT')];
        const res = await send('PATCH', `/stores/${world.storeId}/products/${kit}`, {
          components: [
            { sku: 'FZ-8', quantity: 1 },
            { sku: 'FZ-8', quantity: 2 },
          ],
        });
        expect(res).toMatchObject({
          status: 422,
          body: { errors: [{ field: 'body.components[1].sku', reason: 'listed twice' }] },
        });
      });
    });

    it('reached a success on most operations (seeded ids, valid bodies)', () => {
      const succeeded = [...seen.values()].filter((counts) => [...counts.keys()].some((s) => s < 300));
      expect(succeeded.length / operations.length).toBeGreaterThan(0.8);
    });
  });
}
