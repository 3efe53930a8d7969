/** Current time in epoch milliseconds, the unit every stored time uses. */
export const now = (): number => Date.now();
