import { type Command, Option } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';

interface ServeOptions {
  host?: string;
  port?: string;
  role?: string;
  demo?: boolean;
  publicUrl?: string;
}

export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'Start Ballast: migrate the database, then serve the API and admin and/or run the sync loop (by ROLE).',
    )
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .addOption(
      new Option('--role <role>', 'what this process does (env ROLE, default all)').choices([
        'all',
        'api',
        'worker',
      ]),
    )
    .option(
      '--demo',
      'seed a demo store with local channel simulators (env BALLAST_DEMO; default: on for a new data folder)',
    )
    .option('--no-demo', 'do not start the demo')
    .option(
      '--public-url <url>',
      'where browsers reach the server; its origin is trusted for cookies (env PUBLIC_URL)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ballast serve                                   # SQLite in ./data, API and admin on http://127.0.0.1:8080
  $ ballast serve --host 0.0.0.0 --port 9000 --no-demo
  $ DATABASE_URL=postgres://ballast@db/ballast BALLAST_SECRET=... ballast serve --role api
  $ DATABASE_URL=postgres://ballast@db/ballast BALLAST_SECRET=... ballast serve --role worker`,
    )
    .action(async (options: ServeOptions, command: Command) => {
      const config = commandConfig(command, io, options);
      // Loaded on use: `--help` should not wait for the whole server to load.
      const { startServer } = await import('../../start-server.ts');
      await startServer(config);
    });
}
