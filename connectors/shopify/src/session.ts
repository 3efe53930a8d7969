import {
  type ConnectorContext,
  type CostBucketStatus,
  createPacer,
  type Pacer,
} from '@ballast/connector-kit';
import { initialBucketSize, type ShopifyConfig } from './config.ts';
import { createAdminTransport, type GraphqlTransport } from './graphql/admin-transport.ts';
import { createPacedQuery, type PacedQuery } from './graphql/paced-query.ts';
import { costBucketOf } from './graphql/throttle.ts';
import { BatchKeys } from './operations/batch-keys.ts';

/** What every operation of one connected shop shares. */
export interface ShopifySession {
  readonly config: ShopifyConfig;
  readonly ctx: ConnectorContext;
  /** Unpaced: writes, which the engine paces. */
  readonly transport: GraphqlTransport;
  /** Paced here: lookups and reads. */
  readonly query: PacedQuery;
  /** The shop's cost bucket as this connection sees it; every answer corrects it. */
  readonly pacer: Pacer;
  readonly batchKeys: BatchKeys;
  /** The bucket the latest answer reported, whichever operation it answered. */
  latestBucket(): CostBucketStatus | undefined;
}

export function createSession(config: ShopifyConfig, ctx: ConnectorContext): ShopifySession {
  const raw = createAdminTransport(config, ctx);
  let latest: CostBucketStatus | undefined;
  const transport: GraphqlTransport = async (document, variables) => {
    const reply = await raw(document, variables);
    latest = costBucketOf(reply.body.extensions?.cost) ?? latest;
    return reply;
  };
  const pacer = createPacer(
    { kind: 'cost-bucket', capacity: initialBucketSize(config), restorePerSec: config.restoreRate },
    { clock: ctx.clock },
  );
  return {
    config,
    ctx,
    transport,
    query: createPacedQuery(transport, pacer, ctx),
    pacer,
    batchKeys: new BatchKeys(),
    latestBucket: () => latest,
  };
}
