import type { Command } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';

export function addMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description(
      'Bring the database schema up to date (core tables, then the server’s: tokens, users, sessions). ' +
        'Safe to run again; `serve` and the other commands also migrate on start.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ballast migrate
  $ ballast migrate --database-url postgres://ballast@db.internal/ballast`,
    )
    .action(async (_options: unknown, command: Command) => {
      const config = commandConfig(command, io);
      const { describeDatabase, withDatabase } = await import('../open-store-database.ts');
      await withDatabase(config, async () => {});
      io.out(`database is up to date (${describeDatabase(config)})`);
    });
}
