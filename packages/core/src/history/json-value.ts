import { ValidationError } from '../errors.ts';

/** A JSON value: what `JSON.parse` gives back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value that serialises to JSON, also when its type is an interface (interfaces have no index signature,
 * so `BalanceExplanation` is not a `JsonValue` to TypeScript even though it is plain JSON). Functions,
 * symbols and bigints are refused; an optional property may be undefined (JSON drops it). A value typed
 * `unknown` is accepted as is and checked when it is serialised.
 */
export type Jsonable<T> = unknown extends T
  ? unknown
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? readonly Jsonable<U>[]
      : T extends (...args: never[]) => unknown
        ? never
        : T extends object
          ? { [K in keyof T]: Jsonable<T[K]> }
          : never;

/** JSON text of a value, or a ValidationError at `path` when it cannot be represented (cycles, bigints). */
export function toJsonText(value: unknown, path: (string | number)[]): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined)
    throw new ValidationError('invalid JSON value', [{ path, message: 'must be JSON' }]);
  return text;
}
