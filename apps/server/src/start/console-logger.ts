import type { LogFields, Logger } from '@ballast/connector-kit';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * One readable line per event (`2026-03-01T10:00:00.000Z INFO message key=value`): info and below to stdout,
 * warnings and errors to stderr, so a process manager can tell them apart.
 */
export function createConsoleLogger(options: { level?: LogLevel; name?: string } = {}): Logger {
  const min = RANK[options.level ?? 'info'];
  const prefix = options.name ? ` [${options.name}]` : '';
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[level] < min) return;
    const extra = Object.entries(fields ?? {})
      .filter(([, value]) => value !== undefined)
      .map(
        ([key, value]) =>
          ` ${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : value}`,
      )
      .join('');
    const line = `${new Date().toISOString()} ${level.toUpperCase()}${prefix} ${message}${extra}\n`;
    (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
