import { BallastError } from '@ballast/core';
import { HttpProblem, problemFor } from '../../http/problem.ts';

/**
 * Runs a domain call whose input came from the request body. Core names fields relative to its input
 * (`locationIds[0]`); prefixing them (`body.locationIds[0]`) makes its errors read like request validation.
 */
export async function bodyFieldErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BallastError) || error.issues.length === 0) throw error;
    const body = problemFor(error);
    throw new HttpProblem({
      ...body,
      errors: body.errors?.map((e) => ({ ...e, field: e.field ? `body.${e.field}` : 'body' })),
    });
  }
}
