import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;

/** `90s` -> 90000, `1.5h` -> 5400000; undefined when the text is not a number with a unit. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

/** 90000 -> `90s`, 21600000 -> `6h`: the largest unit that writes it exactly. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * A duration setting as an environment variable writes it (`90s`, `15m`, `6h`), in milliseconds, between
 * `min` and `max`. A bare number is refused: `60` could mean seconds or milliseconds.
 */
export function durationSetting(min: number, max: number) {
  const range = `must be between ${formatDuration(min)} and ${formatDuration(max)}`;
  return z
    .string()
    .refine((text) => parseDuration(text) !== undefined, {
      error: 'expected a duration with its unit, like 500ms, 90s, 15m or 6h',
      abort: true,
    })
    .transform((text) => parseDuration(text)!)
    .refine((ms) => ms >= min && ms <= max, { error: range });
}
