import type { DialectName } from '../../../src/index.ts';

/**
 * Runs per property and dialect: SQLite in memory is cheap, PostgreSQL pays a round trip per statement.
 * `BALLAST_PROPERTY_SCALE=10` multiplies every count for a deeper local hunt.
 */
export function runs(dialect: DialectName, counts: Record<DialectName, number>): number {
  const scale = Number(process.env.BALLAST_PROPERTY_SCALE ?? 1);
  return Math.max(1, Math.round(counts[dialect] * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Most operations in one generated run, for the same reason: long runs on PostgreSQL take too long. */
export function maxOps(dialect: DialectName): number {
  return dialect === 'postgres' ? 20 : 40;
}
