import { BallastError, type FieldIssue } from '@ballast/core';
import { HttpProblem, problemFor, type RequestPart, requestFieldPath } from '../../http/problem.ts';

/**
 * Where the fields core names came from: one request part for all of them, or path parameters by core's
 * name (`{ orderId: 'orderId' }`, `{ id: 'entryId' }`) with every other field in `rest`.
 */
export type FieldSource = RequestPart | { path: Readonly<Record<string, string>>; rest?: RequestPart };

/**
 * Runs a domain call whose input came from the request. Core names fields relative to its own input
 * (`lines[0].sku`, `orderId`); this names them as the request does (`body.lines[0].sku`, `path.orderId`),
 * the same way request validation does, so a client reads every field error one way.
 */
export async function fieldErrorsIn<T>(source: FieldSource, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BallastError) || error.issues.length === 0) throw error;
    const body = problemFor(error);
    throw new HttpProblem({
      ...body,
      errors: error.issues.map((issue, i) => ({ ...body.errors![i]!, field: requestFieldOf(source, issue) })),
    });
  }
}

function requestFieldOf(source: FieldSource, issue: FieldIssue): string {
  if (typeof source === 'string') return requestFieldPath(source, issue.path);
  const [first, ...rest] = issue.path;
  const param = typeof first === 'string' ? source.path[first] : undefined;
  if (param !== undefined) return requestFieldPath('path', [param, ...rest]);
  return requestFieldPath(source.rest ?? 'body', issue.path);
}
