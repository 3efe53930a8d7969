import { type Command, Option } from 'commander';
import { CliError, EXIT_USAGE } from '../cli-error.ts';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';
import { parseId } from '../parse-options.ts';

export interface TokenCreateOptions {
  store: number;
  name: string;
}

export function addTokenCommand(program: Command, io: CliIo): void {
  const token = program
    .command('token')
    .description('Manage API tokens (store-scoped credentials for machines).');
  token
    .command('create')
    .description(
      'Create an API token for one store. The secret is printed once on stdout (only its hash is stored); ' +
        'send it as `Authorization: Bearer <secret>`.',
    )
    .addOption(
      new Option('--store <id>', 'the store the token acts for').argParser(parseId).makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'what the token is for, to tell tokens apart')
    .addHelpText(
      'after',
      `
Examples:
  $ ballast token create --store 1 --name "warehouse scanner"
  $ export BALLAST_TOKEN=$(ballast token create --store 1 --name ci)`,
    )
    .action(async (options: TokenCreateOptions, command: Command) => {
      const name = options.name.trim();
      if (name === '' || name.length > 100)
        throw new CliError('--name must be 1 to 100 characters', EXIT_USAGE);
      const config = commandConfig(command, io);
      const { createTokenAction } = await import('../actions/create-token.ts');
      await createTokenAction(config, { store: options.store, name }, io);
    });
}
