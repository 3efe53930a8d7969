import { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import { addImportCommand } from './commands/import-csv.ts';
import { addMigrateCommand } from './commands/migrate.ts';
import { addServeCommand } from './commands/serve.ts';
import { addTokenCommand } from './commands/token-create.ts';
import { addUserCommand } from './commands/user-create.ts';

/** The `ballast` command line. Configuration comes from the environment; flags override it. */
export function createProgram(io: CliIo): Command {
  const program = new Command('ballast')
    .description(
      'Ballast, the self-hosted inventory master: one true quantity per product, pushed to every channel.',
    )
    .option(
      '--database-url <url>',
      'sqlite:<file> or postgres://... (env DATABASE_URL, default sqlite:<data-dir>/ballast.db)',
    )
    .option('--data-dir <path>', 'the data folder (env BALLAST_DATA_DIR, default ./data)')
    .showHelpAfterError('(add --help for usage)')
    // Set before the commands are added: subcommands copy these settings when created.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    .addHelpText(
      'after',
      `
Environment (flags win over these; an invalid value stops with its name and exit code 2):
  DATABASE_URL             sqlite:<file> or postgres://... (default sqlite:<data dir>/ballast.db)
  BALLAST_DATA_DIR         the data folder (default ./data)
  HOST, PORT               where \`serve\` listens (default 127.0.0.1:8080)
  ROLE                     all | api | worker (default all)
  BALLAST_SECRET           encrypts channel credentials and signs sessions; required with PostgreSQL.
                           Without it, <data dir>/secret is used, generated (mode 0600) on a new folder
  BALLAST_DEMO             seed a demo store with channel simulators (default: on for a new data folder)
  PUBLIC_URL               where browsers reach the server (default http://HOST:PORT)
  BALLAST_TRUSTED_ORIGINS  more origins allowed to send cookie-authenticated requests (comma-separated)
  BALLAST_SECURE_COOKIES   Secure session cookies (default: on when PUBLIC_URL is https)

Examples:
  $ ballast serve
  $ ballast user create --email owner@example.com --password 'a long passphrase' --store-name "My shop"
  $ ballast token create --store 1 --name ci
  $ ballast import stock.csv --store 1 --dry-run`,
    );
  addServeCommand(program, io);
  addMigrateCommand(program, io);
  addUserCommand(program, io);
  addTokenCommand(program, io);
  addImportCommand(program, io);
  return program;
}
