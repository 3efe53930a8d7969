import { BallastError, type ErrorCode, type FieldIssue } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One invalid field: where (the request part, then a dotted path: `body.lines[0].sku`) and why. */
export const problemFieldSchema = z
  .object({
    field: z.string().openapi({
      example: 'body.lines[0].sku',
      description:
        'The invalid field, named from the request part it came from: `body.` + a path into the JSON body ' +
        '(`body.lines[0].sku`, `body.name`), `query.` + the query parameter (`query.limit`), `path.` + the path ' +
        'parameter (`path.orderId`), `header.` + the header. Array items are `[index]`, object members `.name`. ' +
        'The part alone (`body`) means the whole of it. Domain checks (unknown SKU, not enough stock) name ' +
        'fields the same way as schema checks. A field without a part names the stored resource’s own field, ' +
        'not the request’s (running a feed that has no `url`).',
    }),
    reason: z.string().openapi({ example: 'unknown SKU "MUG-9"' }),
    row: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'CSV only: line number in the file (header = 1)' }),
    column: z.string().optional().openapi({ description: 'CSV only: the column name' }),
  })
  .openapi('ProblemField');

/** RFC 9457 problem details, the body of every error response. */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://ballast.dev/problems/validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().openapi({ description: 'Stable machine-readable error code' }),
    errors: z.array(problemFieldSchema).optional(),
  })
  .openapi('Problem', {
    description:
      'RFC 9457 problem details. `errors` lists each invalid field as `field` + `reason`, where `field` starts ' +
      'with the request part (`body.lines[0].sku`, `query.cursor`, `path.productId`).',
  });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemField = z.infer<typeof problemFieldSchema>;

const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  insufficient_stock: 409,
  kit_cycle: 422,
  idempotency_key_reused: 422,
  invalid_state: 409,
};

const TITLES: Record<string, string> = {
  validation: 'The request is not valid',
  bad_request: 'The request could not be read',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported media type',
  not_found: 'Not found',
  conflict: 'Conflict',
  insufficient_stock: 'Not enough stock',
  kit_cycle: 'Kit components would form a cycle',
  idempotency_key_reused: 'Idempotency key reused',
  invalid_state: 'Not possible in the current state',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  internal: 'Internal error',
};

const HTTP_EXCEPTION_CODES: Record<number, string> = {
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** `['lines', 0, 'sku']` -> `lines[0].sku`. */
export function fieldPath(path: readonly (string | number | symbol)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** The parts of a request a field can be in; every problem field path starts with one. */
export type RequestPart = 'body' | 'query' | 'path' | 'header' | 'cookie';

/**
 * The one convention for problem field paths: the request part, then the path inside it.
 * `('body', ['lines', 0, 'sku'])` -> `body.lines[0].sku`; `('path', ['orderId'])` -> `path.orderId`;
 * `('body', [])` -> `body`.
 */
export function requestFieldPath(part: RequestPart, path: readonly (string | number | symbol)[]): string {
  return fieldPath([part, ...path]);
}

export function problem(status: number, code: string, detail?: string, errors?: ProblemField[]): Problem {
  return {
    type: `https://ballast.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[code] ?? 'Error',
    status,
    code,
    ...(detail !== undefined && { detail }),
    ...(errors && errors.length > 0 && { errors }),
  };
}

export function fieldsOf(issues: readonly FieldIssue[]): ProblemField[] {
  return issues.map((issue) => ({
    field: fieldPath(issue.path),
    reason: issue.message,
    ...(issue.row !== undefined && { row: issue.row }),
    ...(issue.column !== undefined && { column: issue.column }),
  }));
}

/** Sends a problem as `application/problem+json`. */
export function sendProblem(c: Context, body: Problem): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

/** The problem for anything a handler threw: typed domain errors map to 4xx, anything else is a 500. */
export function problemFor(error: unknown): Problem {
  if (error instanceof BallastError) {
    return problem(STATUS_BY_CODE[error.code], error.code, error.message, fieldsOf(error.issues));
  }
  if (error instanceof HttpProblem) return error.body;
  // Hono's own request errors (malformed JSON or form body, unsupported media type) are the client's.
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
    return problem(error.status, HTTP_EXCEPTION_CODES[error.status] ?? 'bad_request', error.message);
  }
  return problem(500, 'internal', 'something went wrong on our side; the error was logged');
}

/** Thrown by handlers and middleware for HTTP-level failures (auth, unreadable bodies). */
export class HttpProblem extends Error {
  constructor(readonly body: Problem) {
    super(body.detail ?? body.title);
  }
}

export const unauthorized = (detail = 'send a session cookie or an `Authorization: Bearer` API token') =>
  new HttpProblem(problem(401, 'unauthorized', detail));
export const forbidden = (detail = 'this credential has no access to that store') =>
  new HttpProblem(problem(403, 'forbidden', detail));
