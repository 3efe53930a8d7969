import type { components } from './schema.gen.ts';

export type Problem = components['schemas']['Problem'];
export type ProblemField = components['schemas']['ProblemField'];

/** A failed API call: the HTTP status and, when the server sent one, its problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? problemMessage(problem) : `The server answered ${status}`);
    this.name = 'ApiError';
  }

  /** The reasons per field (`body.sku` -> `already exists`), for showing beside form inputs. */
  fieldErrors(): Map<string, string> {
    return new Map((this.problem?.errors ?? []).map((e) => [e.field, e.reason]));
  }
}

/** Whether a parsed JSON body looks like a problem document (the server's error shape). */
export function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const { title, status } = body as Record<string, unknown>;
  return typeof title === 'string' && typeof status === 'number';
}

/**
 * One line a person can act on: the detail (or title), then each field's reason. Field paths lose the
 * request-part prefix (`body.`, `query.`) that means nothing to a merchant.
 */
export function problemMessage(problem: Problem): string {
  const head = problem.detail ?? problem.title;
  const fields = (problem.errors ?? []).map((e) => {
    const where =
      e.row !== undefined ? `row ${e.row}${e.column ? ` (${e.column})` : ''}` : shortField(e.field);
    return where ? `${where}: ${e.reason}` : e.reason;
  });
  return [head, ...fields].filter(Boolean).join(' — ');
}

function shortField(field: string): string {
  return field.replace(/^(body|query|path)\.?/, '');
}

/** The human-readable reason of anything thrown while calling the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError)
    return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}
