import type { Command } from 'commander';
import { type Config, type ConfigFlags, loadConfig } from '../config.ts';
import type { CliIo } from './cli-io.ts';

/** The global options every command takes (they override DATABASE_URL and BALLAST_DATA_DIR). */
interface GlobalOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** Loads the configuration from the environment and the command's flags (global ones included). */
export function commandConfig(command: Command, io: CliIo, flags: ConfigFlags = {}): Config {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({
    env: io.env,
    flags: { databaseUrl: globals.databaseUrl, dataDir: globals.dataDir, ...flags },
    log: io.err,
  });
}
