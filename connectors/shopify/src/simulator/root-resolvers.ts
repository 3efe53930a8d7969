import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema, getDirectiveValues } from 'graphql';
import { isAtLeast, supportsIdempotency } from '../api-version.ts';
import type { IdempotencyCache } from './idempotency-cache.ts';
import { parseSkuSearch } from './search-query-parser.ts';
import {
  applySetQuantities,
  type MutationContext,
  refusedPayload,
  type SetQuantitiesInput,
} from './set-quantities-mutation.ts';
import { itemView, locationView } from './views.ts';

export interface ResolverContext extends MutationContext {
  readonly schema: GraphQLSchema;
  readonly idempotency: IdempotencyCache;
  /** Simulated processing time of a write, so concurrent replays of one key can overlap. */
  readonly mutationDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

interface ConnectionArgs {
  readonly first?: number | null;
  readonly last?: number | null;
  readonly after?: string | null;
  readonly query?: string | null;
}

const cursorOf = (index: number): string => Buffer.from(`cursor:${index}`).toString('base64');
const indexOf = (cursor: string): number => Number(Buffer.from(cursor, 'base64').toString().split(':')[1]);

/** The root fields of the slice the simulator implements, over its shop state. */
export function rootResolvers(ctx: ResolverContext) {
  const { state } = ctx;
  const viewOfId = (id: string) => {
    const item = state.item(id);
    if (item) return itemView(state, item);
    return state.hasLocation(id) ? locationView(id) : null;
  };
  return {
    inventoryItem: ({ id }: { id: string }) => {
      const item = state.item(id);
      return item ? itemView(state, item) : null;
    },
    location: ({ id }: { id?: string | null }) =>
      locationView(id && state.hasLocation(id) ? id : state.primaryLocation),
    nodes: ({ ids }: { ids: readonly string[] }) => ids.map(viewOfId),
    inventoryItems: (args: ConnectionArgs) => {
      let skus: string[] | undefined;
      try {
        skus = args.query ? parseSkuSearch(args.query) : undefined;
      } catch (error) {
        throw new GraphQLError(`The simulator cannot read this search: ${String(error)}`);
      }
      const wanted = skus && new Set(skus);
      const matching = state.all().filter((item) => !wanted || (item.sku !== null && wanted.has(item.sku)));
      const start = args.after ? indexOf(args.after) + 1 : 0;
      const size = args.first ?? args.last ?? 0;
      const page = matching.slice(start, start + size);
      const nodes = page.map((item) => itemView(state, item));
      return {
        nodes,
        edges: nodes.map((node, i) => ({ cursor: cursorOf(start + i), node })),
        pageInfo: {
          hasNextPage: start + size < matching.length,
          hasPreviousPage: start > 0,
          startCursor: page.length > 0 ? cursorOf(start) : null,
          endCursor: page.length > 0 ? cursorOf(start + page.length - 1) : null,
        },
      };
    },
    inventorySetQuantities: async (
      args: { readonly input: SetQuantitiesInput },
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      if (isAtLeast(ctx.version, '2026-04')) {
        const missing = args.input.quantities.findIndex((entry) => !('changeFromQuantity' in entry));
        if (missing >= 0) {
          throw new GraphQLError(
            `changeFromQuantity is required on every entry from 2026-04 (missing on quantities[${missing}]); pass null to skip the check`,
          );
        }
      }
      const key = idempotencyKeyOf(ctx, info);
      if (key === undefined) {
        if (isAtLeast(ctx.version, '2026-04')) {
          throw new GraphQLError('The @idempotent directive is required for inventorySetQuantities');
        }
        await ctx.sleep(ctx.mutationDelayMs);
        return applySetQuantities(args.input, ctx);
      }
      const input = JSON.stringify(args.input);
      const check = ctx.idempotency.check(key, input);
      if (check.kind === 'replay') return check.result;
      if (check.kind === 'refused') return refusedPayload(check.code, check.message);
      ctx.idempotency.start(key);
      await ctx.sleep(ctx.mutationDelayMs);
      const result = applySetQuantities(args.input, ctx);
      ctx.idempotency.finish(key, input, result);
      return result;
    },
  };
}

function idempotencyKeyOf(ctx: ResolverContext, info: GraphQLResolveInfo): string | undefined {
  if (!supportsIdempotency(ctx.version)) return undefined;
  const directive = ctx.schema.getDirective('idempotent');
  const node = info.fieldNodes[0];
  if (!directive || !node) return undefined;
  const values = getDirectiveValues(directive, node, info.variableValues);
  return typeof values?.key === 'string' ? values.key : undefined;
}
