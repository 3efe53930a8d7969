import { ValidationError } from '../errors.ts';

/**
 * Checks an id passed as an argument (not inside an input object): a positive safe integer. Without this a
 * NaN or 1.5 would reach PostgreSQL as a raw type error instead of a typed one.
 */
export function assertRowId(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(`invalid ${field}`, [{ path: [field], message: 'must be a positive integer' }]);
  }
}

/** The same check for a list of ids; every bad entry is reported at `[field, index]`. */
export function assertRowIds(values: readonly unknown[], field: string): asserts values is number[] {
  const issues = values.flatMap((value, i) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value > 0
      ? []
      : [{ path: [field, i], message: 'must be a positive integer' }],
  );
  if (issues.length > 0) throw new ValidationError(`invalid ${field}`, issues);
}
