import type { Connection } from '@ballast/connector-kit';
import { forgetListingLookupMisses, getChannel, InvalidStateError, upsertListings } from '@ballast/core';
import { SharedRateLimiter } from '@ballast/sync-engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { openChannelConfig } from '../../connectors/channel-config.ts';
import type { AppDeps } from '../../deps.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema } from './channel-params.ts';

/** SKUs per lookup call: one paced call each, like the sync engine's own lookups. */
const LOOKUP_BATCH = 100;
/** Longer than this and the channel's rate limit is better waited out by the caller than by an open request. */
const MAX_RATE_WAIT_MS = 10_000;
/** How many SKUs of each kind the answer names (the counts are always complete). */
const SAMPLE = 100;

const resultSchema = z
  .object({
    checked: z.number().int().openapi({ description: 'Store SKUs looked up on the channel' }),
    matched: z.number().int().openapi({ description: 'SKUs linked to a channel item' }),
    newlyLinked: z.number().int().openapi({ description: 'Of those, links that did not exist before' }),
    unmatched: z.number().int().openapi({ description: 'SKUs the channel has no item for' }),
    duplicates: z
      .number()
      .int()
      .openapi({ description: 'SKUs the channel lists more than once (not linked)' }),
    unmatchedSkus: z.array(z.string()).openapi({ description: `The first ${SAMPLE} unmatched SKUs` }),
    duplicateSkus: z.array(z.string()).openapi({ description: `The first ${SAMPLE} duplicated SKUs` }),
  })
  .openapi('ListingMatchResult');

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/channels/{channelId}/match-listings',
  tags: ['Channels'],
  summary: 'Link the store’s products to the channel’s items by SKU',
  description:
    'Asks the channel for every SKU of the store (in paced batches) and links what it has. Newly linked ' +
    'products with Auto Sync on are pushed at once. Safe to run again: links are updated, never doubled.',
  request: { params: channelParamsSchema },
  responses: {
    200: { description: 'What was matched', content: jsonContent(resultSchema) },
    ...errorResponses,
    502: {
      description: 'The channel could not be reached or refused the lookup',
      content: errorResponses[404].content,
    },
  },
});

export function registerMatchListings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const deps = c.get('deps');
    const channel = await getChannel(deps.db, storeId, params.channelId);
    if (channel.status === 'disconnected') {
      throw new InvalidStateError('the channel is disconnected; resume it before matching listings');
    }
    const connection = await connectionOf(deps, storeId, channel.id, channel.connectorId);
    const limiter = new SharedRateLimiter(deps.db);
    // The merchant matches after changing the channel's catalogue: what the sync engine's lookups did not find
    // before may be there now, so its next change of each product looks it up again.
    await forgetListingLookupMisses(deps.db, channel.id);

    const result = { checked: 0, matched: 0, newlyLinked: 0, unmatched: 0, duplicates: 0 };
    const unmatchedSkus: string[] = [];
    const duplicateSkus: string[] = [];
    let afterId = 0;
    for (;;) {
      const products = await deps.db
        .selectFrom('products')
        .select(['id', 'sku'])
        .where('storeId', '=', storeId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(LOOKUP_BATCH)
        .execute();
      if (products.length === 0) break;
      afterId = products.at(-1)!.id;
      const skus = products.map((p) => p.sku);

      const waitMs = await limiter.reserve(channel.id, connection.capabilities.rateModel, 1);
      if (waitMs > MAX_RATE_WAIT_MS) {
        throw new HttpProblem(
          problem(
            409,
            'conflict',
            `the channel's rate limit is used up for now; try again in ${Math.ceil(waitMs / 1000)} s`,
          ),
        );
      }
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      let matches: Awaited<ReturnType<Connection['client']['lookupListings']>>;
      try {
        matches = await connection.client.lookupListings(skus);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new HttpProblem(problem(502, 'channel_error', `the channel refused the lookup: ${reason}`));
      }
      const upserted =
        matches.length === 0
          ? { matched: [], duplicateSkus: [] }
          : await upsertListings(
              deps.db,
              storeId,
              channel.id,
              matches.map((m) => ({
                sku: m.sku,
                channelRef: m.listingRef,
                ...(m.quantity !== undefined && { quantity: m.quantity }),
              })),
            );
      const linked = new Set(upserted.matched.map((m) => m.sku));
      const duplicated = new Set(upserted.duplicateSkus);
      result.checked += skus.length;
      result.matched += upserted.matched.length;
      result.newlyLinked += upserted.matched.filter((m) => m.created).length;
      for (const sku of skus) {
        if (duplicated.has(sku)) {
          result.duplicates += 1;
          if (duplicateSkus.length < SAMPLE) duplicateSkus.push(sku);
        } else if (!linked.has(sku)) {
          result.unmatched += 1;
          if (unmatchedSkus.length < SAMPLE) unmatchedSkus.push(sku);
        }
      }
    }
    if (result.newlyLinked > 0) deps.notifySync();
    return c.json({ ...result, unmatchedSkus, duplicateSkus }, 200);
  });
}

async function connectionOf(
  deps: AppDeps,
  storeId: number,
  channelId: number,
  connectorId: string,
): Promise<Connection> {
  const connector = deps.connectors.get(connectorId);
  if (!connector) {
    throw new HttpProblem(
      problem(409, 'invalid_state', `connector "${connectorId}" is not installed on this server`),
    );
  }
  const row = await deps.db
    .selectFrom('channels')
    .select('configCiphertext')
    .where('storeId', '=', storeId)
    .where('id', '=', channelId)
    .executeTakeFirstOrThrow();
  try {
    if (row.configCiphertext === null) throw new Error('no config is stored');
    return connector.connect(openChannelConfig(deps.secrets, row.configCiphertext));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpProblem(problem(409, 'invalid_state', `the channel's config cannot be used: ${reason}`));
  }
}
