import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, isProblem, problemMessage } from '../src/api/problem.ts';

const validation = {
  type: 'https://ballast.dev/problems/validation',
  title: 'The request is not valid',
  status: 422,
  code: 'validation',
  detail: 'invalid product',
  errors: [
    { field: 'body.sku', reason: 'already exists' },
    { field: 'body.components[0].quantity', reason: 'must be positive' },
  ],
};

describe('problemMessage', () => {
  it('joins the detail and each field reason, without the request-part prefix', () => {
    expect(problemMessage(validation)).toBe(
      'invalid product — sku: already exists — components[0].quantity: must be positive',
    );
  });

  it('names CSV rows and columns instead of field paths', () => {
    const csv = {
      ...validation,
      detail: 'the file has errors',
      errors: [{ field: 'file', reason: 'unknown SKU', row: 3, column: 'sku' }],
    };
    expect(problemMessage(csv)).toBe('the file has errors — row 3 (sku): unknown SKU');
  });

  it('falls back to the title and drops a field that is only the request part', () => {
    const { detail: _, ...noDetail } = validation;
    expect(problemMessage({ ...noDetail, errors: [{ field: 'body', reason: 'required' }] })).toBe(
      'The request is not valid — required',
    );
  });
});

describe('ApiError', () => {
  it('keeps the status, the problem and the field reasons by path', () => {
    const error = new ApiError(422, validation);
    expect(error.status).toBe(422);
    expect(error.message).toContain('already exists');
    expect(error.fieldErrors().get('body.sku')).toBe('already exists');
  });

  it('says what the server answered when there is no problem body', () => {
    expect(new ApiError(502, undefined).message).toBe('The server answered 502');
  });
});

describe('errorMessage', () => {
  it('tells a network failure from a server refusal', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(
      errorMessage(
        new ApiError(404, { ...validation, status: 404, detail: 'product not found', errors: [] }),
      ),
    ).toBe('product not found');
  });
});

describe('isProblem', () => {
  it('accepts problem documents only', () => {
    expect(isProblem(validation)).toBe(true);
    expect(isProblem({ message: 'x' })).toBe(false);
    expect(isProblem(null)).toBe(false);
  });
});
