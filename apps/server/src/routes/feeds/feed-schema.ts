import { feedInputSchema, feedSnapshotSchema, feedUpdateSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { orNull } from '../shared/or-null.ts';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

const AUTH_DESCRIPTION =
  '`auth`: credentials the pulls send: `{ type: "basic", username, password }` (HTTP Basic), ' +
  '`{ type: "bearer", token }` (`Authorization: Bearer`) or `{ type: "header", name, value }` (one header ' +
  'such as `X-Api-Key`). Stored encrypted with the server secret and never returned: the feed shows only ' +
  'their kind and user or header name. Sent only to the url’s own origin, never after a redirect to ' +
  'another. A url with `user:password@` is refused: put them here.';

// Request bodies reuse core's schemas, so the HTTP layer and the domain never disagree on what is valid.
// `.strict()` also makes fresh instances, which carry `.openapi()` (core's were built before it existed).

export const feedCreateSchema = feedInputSchema.strict().openapi('FeedCreate', {
  description:
    'A feed pulled from `url` every `intervalMinutes` (both optional: without them the feed is pulled ' +
    'on demand with `/run`, or pushed to with `/snapshots`). A scheduled feed needs a url. ' +
    '`staleAfterMinutes`: after this long without a successful snapshot the feed is stale and the stock it ' +
    'covers is unknown (pushes held, recorded in Sync History); absent = 3 pull intervals for a scheduled ' +
    'feed and never otherwise, 0 = never; it must be longer than the pull interval. ' +
    AUTH_DESCRIPTION,
  example: {
    name: 'Warehouse export',
    url: 'https://erp.example.com/stock.csv',
    intervalMinutes: 15,
    auth: { type: 'basic', username: 'ballast', password: 's3cret' },
  },
});

export const feedPatchSchema = feedUpdateSchema.strict().openapi('FeedUpdate', {
  description:
    'Fields to change; `null` clears `url` or `intervalMinutes`, or sets `staleAfterMinutes` back to ' +
    'automatic. `auth` left out keeps the stored credentials, `null` removes them, and credentials without ' +
    'their secret (`password`, `token` or `value`) keep the stored secret of the same kind. Stored ' +
    'credentials never follow the url to another origin: a `url` on another scheme, host or port needs ' +
    '`auth` again (or `null`). ' +
    AUTH_DESCRIPTION,
  example: { intervalMinutes: 60, auth: { type: 'basic', username: 'ballast-2' } },
});

export const feedSnapshotBodySchema = feedSnapshotSchema.strict().openapi('FeedSnapshot', {
  description:
    'Absolute on hand per SKU and location (location name; absent = the store’s default location). ' +
    'Positions not listed are left alone; unknown SKUs are reported, never created.',
  example: {
    items: [
      { sku: 'MUG-BLUE', onHand: 12 },
      { sku: 'CUP-RED', location: 'Annex', onHand: 0 },
    ],
  },
});

export const feedCsvSchema = z.string().openapi('FeedCsv', {
  format: 'binary',
  description: 'The upload CSV format with absolute quantities: `sku,quantity[,location]`',
  example: 'sku,quantity,location\nMUG-BLUE,12,\nCUP-RED,0,Annex\n',
});

export const feedParamsSchema = storeParamsSchema.extend({
  feedId: idSchema.openapi({ param: { name: 'feedId', in: 'path' }, example: 1 }),
});

const runStatus = z.enum(['applied', 'failed']).openapi('FeedRunStatus');

/** Which credentials the pulls send, without their secret (core's FeedAuthSummary). */
const feedAuthSummarySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), username: z.string() }),
  z.object({ type: z.literal('bearer') }),
  z.object({ type: z.literal('header'), name: z.string().openapi({ example: 'X-Api-Key' }) }),
  z.object({ type: z.literal('unreadable') }),
]);

export const feedSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    name: z.string(),
    url: z.string().nullable(),
    intervalMinutes: z.number().int().nullable(),
    lastRunAt: z.number().int().nullable().openapi({ description: 'Epoch milliseconds' }),
    lastStatus: orNull(runStatus),
    lastError: z.string().nullable(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    staleAfterMinutes: z.number().int().nullable().openapi({
      description:
        'The staleness setting: null = automatic (3 pull intervals when scheduled, else never), 0 = never',
    }),
    lastAppliedAt: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The last successful snapshot (epoch milliseconds)' }),
    staleAt: z.number().int().nullable().openapi({
      description: 'When the feed turns stale without a new snapshot (epoch milliseconds); null = never',
    }),
    stale: z.boolean().openapi({
      description:
        'No successful snapshot within the staleness period: the positions of its last snapshot are unknown ' +
        'and their pushes held until a fresh one arrives',
    }),
    auth: orNull(feedAuthSummarySchema).openapi({
      description:
        'Which credentials the pulls send, never their secret: the kind, and the user name (basic) or ' +
        'header name (header); null = none. `unreadable`: credentials are stored but cannot be decrypted ' +
        'with this server’s secret (it changed); pulls fail until they are set again.',
    }),
  })
  .openapi('Feed');

export type FeedView = z.infer<typeof feedSchema>;

const feedRunSchema = z
  .object({
    id: z.number().int(),
    feedId: z.number().int(),
    status: runStatus,
    rowCount: z.number().int(),
    changed: z.number().int().openapi({ description: 'Positions whose on hand changed' }),
    unknownSkus: z.array(z.string()),
    error: z.string().nullable(),
    at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('FeedRun');

export const feedDetailSchema = feedSchema
  .extend({ runs: z.array(feedRunSchema).openapi({ description: 'The most recent runs, newest first' }) })
  .openapi('FeedDetail');

export const feedListSchema = z
  .object({
    items: z.array(feedSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null at the end' }),
  })
  .openapi('FeedList');

export const feedRunResultSchema = z
  .object({
    runId: z.number().int(),
    feedId: z.number().int(),
    status: runStatus,
    rowCount: z.number().int(),
    changed: z.number().int().openapi({ description: 'Positions whose on hand changed' }),
    unknownSkus: z.array(z.string()).openapi({ description: 'SKUs the store does not have (not created)' }),
    ignoredKits: z.array(z.string()).openapi({ description: 'Kit SKUs: kits have no stock of their own' }),
    error: z.string().nullable().openapi({ description: 'Why a failed run failed' }),
    at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('FeedRunResult');
