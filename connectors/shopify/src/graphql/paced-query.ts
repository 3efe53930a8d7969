import type { ChannelError, ConnectorContext, Pacer, RateFeedback } from '@ballast/connector-kit';
import type { GraphqlReply, GraphqlTransport } from './admin-transport.ts';
import { wholeCallFailure } from './reply-failure.ts';
import { costBucketOf } from './throttle.ts';

/** THROTTLED answers a lookup or read waits out before giving up (waiting is not a failure). */
const THROTTLED_ATTEMPTS = 3;

/** What one answer teaches the pacer: the bucket it reports and, when refused, how long to hold off. */
export function feedbackOf(reply: GraphqlReply, failure: ChannelError | undefined): RateFeedback {
  const costBucket = costBucketOf(reply.body.extensions?.cost);
  return {
    ...(costBucket ? { costBucket } : {}),
    ...(failure?.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
  };
}

/**
 * Queries the engine does not pace (lookups, read-backs, the re-read after a stale write) are paced here,
 * with the same cost-bucket model corrected by every answer, writes included. A THROTTLED answer is waited
 * out a few times before it becomes a transient failure.
 */
export function createPacedQuery(
  transport: GraphqlTransport,
  pacer: Pacer,
  ctx: Pick<ConnectorContext, 'clock' | 'signal'>,
) {
  return async (
    document: string,
    variables: Readonly<Record<string, unknown>>,
    cost: number,
  ): Promise<GraphqlReply> => {
    for (let attempt = 1; ; attempt++) {
      await pacer.acquire(cost, ctx.signal ? { signal: ctx.signal } : {});
      let reply: GraphqlReply;
      try {
        reply = await transport(document, variables);
      } catch (error) {
        pacer.observe(undefined);
        throw error;
      }
      const failure = wholeCallFailure(reply, ctx.clock.now());
      pacer.observe(feedbackOf(reply, failure));
      if (failure?.code === 'throttled' && attempt < THROTTLED_ATTEMPTS) continue;
      if (failure) throw failure;
      return reply;
    }
  };
}

export type PacedQuery = ReturnType<typeof createPacedQuery>;
