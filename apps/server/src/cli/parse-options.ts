import { InvalidArgumentError } from 'commander';

/** A positive whole number such as a store id; commander reports the option by name when it is not. */
export function parseId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new InvalidArgumentError('expected a positive whole number.');
  }
  return id;
}
