import { type Command, Option } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';

interface ServeOptions {
  host?: string;
  port?: string;
  role?: string;
  demo?: boolean;
  publicUrl?: string;
  pendingPollInterval?: string;
  pendingTimeout?: string;
  driftSweepInterval?: string;
  notListedRecheck?: string;
  syncCoalesce?: string;
  syncMinWakeGap?: string;
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
    .option(
      '--pending-poll-interval <duration>',
      'feed-style channels: wait from an accepted push to the first poll for its verdict, and between polls ' +
        '(env BALLAST_PENDING_POLL_INTERVAL, default 60s; 1s to 1d)',
    )
    .option(
      '--pending-timeout <duration>',
      'feed-style channels: give up on a verdict this long after the push was accepted and push again ' +
        '(env BALLAST_PENDING_TIMEOUT, default 6h; 1m to 30d, at least the poll interval)',
    )
    .option(
      '--drift-sweep-interval <duration>',
      'time between drift sweeps, which read quantities back from channels and re-push what drifted ' +
        '(env BALLAST_DRIFT_SWEEP_INTERVAL, default 15m; 1m to 7d)',
    )
    .option(
      '--not-listed-recheck <duration>',
      'a SKU a channel was found not to list is not looked up again until that answer is this old; 0s looks ' +
        'up on every change (env BALLAST_NOT_LISTED_RECHECK, default 1h; 0s to 7d)',
    )
    .option(
      '--sync-coalesce <duration>',
      'after a partial batch, how long a channel waits so that changes arriving together share one push ' +
        '(env BALLAST_SYNC_COALESCE, default 25ms; 0ms to 10s)',
    )
    .option(
      '--sync-min-wake-gap <duration>',
      'the least time between two looks for channels with work, however often writes wake the loop ' +
        '(env BALLAST_SYNC_MIN_WAKE_GAP, default 10ms; 0ms to 1s)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ballast serve                                   # SQLite in ./data, API and admin on http://127.0.0.1:8080
  $ ballast serve --host 0.0.0.0 --port 9000 --no-demo
  $ DATABASE_URL=postgres://ballast@db/ballast BALLAST_SECRET=... ballast serve --role api
  $ DATABASE_URL=postgres://ballast@db/ballast BALLAST_SECRET=... ballast serve --role worker
  $ ballast serve --pending-poll-interval 5m --pending-timeout 12h --drift-sweep-interval 1h
  $ ballast serve --not-listed-recheck 6h --sync-coalesce 250ms

Durations take a unit: ms, s, m, h or d (90s, 15m, 1.5h).`,
    )
    .action(async (options: ServeOptions, command: Command) => {
      const config = commandConfig(command, io, options);
      // Loaded on use: `--help` should not wait for the whole server to load.
      const { startServer } = await import('../../start-server.ts');
      await startServer(config);
    });
}
