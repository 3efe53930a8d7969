import { BallastError } from '@ballast/core';
import { CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { CliError, EXIT_FAILED, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { createProgram } from './program.ts';

/**
 * Runs one command line and returns its exit code: 0 done, 1 the work failed (invalid file, unknown store,
 * duplicate user), 2 wrong usage or configuration. `serve` resolves once the server is up and keeps running.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed the message (or the help / version it was asked for).
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    io.err(`ballast: invalid configuration: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    io.err(`ballast: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof BallastError) {
    io.err(`ballast: ${error.message}`);
    for (const issue of error.issues)
      if (issue.path.length > 0) io.err(`  ${issue.path.join('.')}: ${issue.message}`);
    return EXIT_FAILED;
  }
  io.err(`ballast: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT_FAILED;
}
