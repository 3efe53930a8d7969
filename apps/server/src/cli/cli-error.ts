/** Exit codes: 1 when the work failed (invalid file, unknown store), 2 when the command or configuration is wrong. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure to report in one line, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
