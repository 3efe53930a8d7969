import { type Command, Option } from 'commander';
import { STORE_ROLES, type StoreRole } from '../../auth/store-members.ts';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';
import { parseId } from '../parse-options.ts';

export interface UserCreateOptions {
  email: string;
  password?: string;
  name?: string;
  store?: number;
  storeName?: string;
  role: StoreRole;
}

export function addUserCommand(program: Command, io: CliIo): void {
  const user = program.command('user').description('Manage merchant users (who sign in to the admin).');
  user
    .command('create')
    .description(
      'Create a user who signs in with email and password, optionally a member of an existing store ' +
        '(--store) or the owner of a new one (--store-name).',
    )
    .requiredOption('--email <email>', 'the email to sign in with')
    .option(
      '--password <password>',
      'at least 10 characters (or env BALLAST_USER_PASSWORD, kept out of shell history)',
    )
    .option('--name <name>', 'display name (default: the part of the email before the @)')
    .addOption(new Option('--store <id>', 'add the user to this existing store').argParser(parseId))
    .addOption(
      new Option('--store-name <name>', 'create a store with this name, owned by the user').conflicts(
        'store',
      ),
    )
    .addOption(
      new Option('--role <role>', 'the user’s role in the store').choices(STORE_ROLES).default('owner'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ballast user create --email owner@example.com --password 'a long passphrase' --store-name "My shop"
  $ BALLAST_USER_PASSWORD='a long passphrase' ballast user create --email clerk@example.com --store 1 --role member`,
    )
    .action(async (options: UserCreateOptions, command: Command) => {
      const config = commandConfig(command, io);
      const { createUserAction } = await import('../actions/create-user.ts');
      await createUserAction(config, options, io);
    });
}
