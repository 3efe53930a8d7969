import { BallastError } from '@ballast/core';
import { HttpProblem, problemFor } from '../../http/problem.ts';

/** The request part a domain call's input came from, as request validation names it. */
export type RequestPart = 'body' | 'query' | 'path';

/**
 * Runs a domain call whose input came from one part of the request. Core names fields relative to its own
 * input (`components[0].sku`); prefixing them (`body.components[0].sku`) makes its errors read like the
 * request validation's, so a client handles both the same way.
 */
export async function fieldErrorsIn<T>(part: RequestPart, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BallastError) || error.issues.length === 0) throw error;
    const body = problemFor(error);
    throw new HttpProblem({
      ...body,
      errors: body.errors?.map((e) => ({ ...e, field: e.field ? `${part}.${e.field}` : part })),
    });
  }
}
