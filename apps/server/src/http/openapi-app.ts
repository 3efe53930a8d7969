import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { problem, type RequestPart, requestFieldPath, sendProblem } from './problem.ts';

/** What the field paths call each part of the request. */
const TARGET_NAMES: Record<string, RequestPart> = {
  json: 'body',
  form: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
};

/**
 * An OpenAPIHono whose request validation failures answer problem+json with every invalid field, so route
 * handlers only ever see valid input.
 */
export function createOpenApiApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const where = TARGET_NAMES[result.target] ?? 'body';
      const errors = result.error.issues.map((issue) => ({
        field: requestFieldPath(where, issue.path),
        reason: issue.message,
      }));
      return sendProblem(c, problem(422, 'validation', `invalid ${result.target}`, errors));
    },
  });
}
