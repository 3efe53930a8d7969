/** Structured fields on a log line: scalars only, so any log sink can take them. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The logger a connector receives; the host decides where lines go. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const discard = (): void => {};

/** Drops everything: the default when the host gives no logger. */
export const silentLogger: Logger = { debug: discard, info: discard, warn: discard, error: discard };
