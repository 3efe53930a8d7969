import { problemSchema } from '../../http/problem.ts';

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  401: { description: 'No valid credential', content: problemContent },
  403: { description: 'The credential has no access to this store', content: problemContent },
  404: { description: 'Not found', content: problemContent },
  409: { description: 'Conflict with the current state', content: problemContent },
  422: { description: 'Invalid input; `errors` names each field and why', content: problemContent },
} as const;

export const jsonContent = <T>(schema: T) => ({ 'application/json': { schema } });
