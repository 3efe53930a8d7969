import { MAX_ACTIVITY_BUCKETS, syncActivity, ValidationError } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldPath, HttpProblem, problem } from '../../http/problem.ts';
import { instantParamSchema } from '../shared/instant-param.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';

const querySchema = z.object({
  from: instantParamSchema.openapi({ description: 'Start of the first bucket: ISO 8601 or epoch ms' }),
  to: instantParamSchema.openapi({ description: 'Exclusive end: ISO 8601 or epoch ms' }),
  bucket: z.coerce
    .number()
    .int()
    .positive()
    .openapi({
      description: `Bucket width in milliseconds (at most ${MAX_ACTIVITY_BUCKETS} buckets)`,
      example: 3_600_000,
    }),
});

const countsSchema = z
  .object({
    pending: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    retrying: z.number().int(),
    skipped: z.number().int(),
  })
  .openapi('SyncStatusCounts');

const activitySchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    bucketMs: z.number().int(),
    buckets: z.array(
      z
        .object({
          start: z.number().int().openapi({ description: 'Epoch ms; covers [start, start + bucketMs)' }),
          counts: countsSchema,
          total: z.number().int(),
        })
        .openapi('SyncActivityBucket'),
    ),
  })
  .openapi('SyncActivity');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sync-activity',
  tags: ['Sync History'],
  summary: 'Push attempts per time bucket and status, for the dashboard chart',
  request: { params: storeParamsSchema, query: querySchema },
  responses: {
    200: { description: 'Every bucket of the range', content: jsonContent(activitySchema) },
    ...errorResponses,
  },
});

export function registerSyncActivity(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const { from, to, bucket } = c.req.valid('query');
    try {
      return c.json(await syncActivity(c.get('deps').db, storeId, { from, to, bucketMs: bucket }), 200);
    } catch (error) {
      throw renamedBucketField(error);
    }
  });
}

/** Core calls the width `bucketMs`; this route's parameter is `bucket`. */
function renamedBucketField(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const errors = error.issues.map((issue) => ({
    field: `query.${issue.path[0] === 'bucketMs' ? 'bucket' : fieldPath(issue.path)}`,
    reason: issue.message,
  }));
  return new HttpProblem(problem(422, 'validation', error.message, errors));
}
