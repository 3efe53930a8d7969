/** One thing wrong with an input: where (a path into the input) and why. */
export interface FieldIssue {
  /** Path into the input, e.g. `['lines', 2, 'quantity']`; for CSV rows `['rows', 17, 'qty']`. */
  path: (string | number)[];
  message: string;
  /** CSV only: 1-based line number in the file (the header is line 1) and the column name. */
  row?: number;
  column?: string;
}

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'insufficient_stock'
  | 'kit_cycle'
  | 'idempotency_key_reused'
  | 'invalid_state';

/**
 * Every error core throws on purpose. The HTTP layer maps `code` to a status and `issues` to
 * problem+json fields; nothing core throws on bad input is anything else.
 */
export class BallastError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'BallastError';
    this.code = code;
    this.issues = issues;
  }
}

export class ValidationError extends BallastError {
  constructor(message: string, issues: FieldIssue[]) {
    super('validation', message, issues);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends BallastError {
  constructor(what: string, path: (string | number)[] = []) {
    super('not_found', `${what} not found`, path.length ? [{ path, message: `${what} not found` }] : []);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends BallastError {
  constructor(message: string, path: (string | number)[] = []) {
    super('conflict', message, path.length ? [{ path, message }] : []);
    this.name = 'ConflictError';
  }
}

export class InvalidStateError extends BallastError {
  constructor(message: string) {
    super('invalid_state', message);
    this.name = 'InvalidStateError';
  }
}

export class InsufficientStockError extends BallastError {
  constructor(
    readonly sku: string,
    readonly locationId: number,
    readonly wouldBe: number,
    path: (string | number)[] = [],
  ) {
    const message = `on hand for ${sku} at location ${locationId} would become ${wouldBe}; this store does not allow negative stock`;
    super('insufficient_stock', message, [{ path, message }]);
    this.name = 'InsufficientStockError';
  }
}

export class KitCycleError extends BallastError {
  constructor(readonly cycle: string[]) {
    const message = `components would form a cycle: ${cycle.join(' -> ')}`;
    super('kit_cycle', message, [{ path: ['components'], message }]);
    this.name = 'KitCycleError';
  }
}

export class IdempotencyKeyReusedError extends BallastError {
  constructor(key: string) {
    super('idempotency_key_reused', `idempotency key "${key}" was already used for a different request`, [
      { path: ['idempotencyKey'], message: 'already used for a different request' },
    ]);
    this.name = 'IdempotencyKeyReusedError';
  }
}
