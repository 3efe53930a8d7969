import { type Command, Option } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { commandConfig } from '../command-config.ts';
import { parseId } from '../parse-options.ts';

export interface ImportOptions {
  store: number;
  dryRun?: boolean;
  mode: 'set' | 'delta';
  idempotencyKey?: string;
}

export function addImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(
      'Import stock quantities from a CSV file (columns sku, quantity, and optionally mode and location; ' +
        'a header row first). Every row is checked first: any error and nothing is applied.',
    )
    .argument('<file.csv>', 'the CSV file')
    .addOption(
      new Option('--store <id>', 'the store to import into').argParser(parseId).makeOptionMandatory(),
    )
    .option('--dry-run', 'check every row and show what would change, without applying')
    .addOption(
      new Option('--mode <mode>', 'how rows without a mode apply: set on hand to the quantity, or add it')
        .choices(['set', 'delta'])
        .default('set'),
    )
    .option('--idempotency-key <key>', 'a rerun with the same key (and file) applies nothing twice')
    .addHelpText(
      'after',
      `
Errors are printed as "line N, column C: message" (the header is line 1) and the exit code is 1.

Examples:
  $ ballast import stock.csv --store 1 --dry-run
  $ ballast import stock.csv --store 1
  $ ballast import received.csv --store 1 --mode delta --idempotency-key received-2024-06-01`,
    )
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const config = commandConfig(command, io);
      const { importCsvAction } = await import('../actions/import-csv.ts');
      await importCsvAction(config, file, options, io);
    });
}
