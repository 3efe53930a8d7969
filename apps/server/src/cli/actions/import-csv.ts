import { basename } from 'node:path';
import { applyUpload, CsvUploadError, getStore, type UploadRowError, validateUpload } from '@ballast/core';
import type { Config } from '../../config.ts';
import { CliError } from '../cli-error.ts';
import type { CliIo } from '../cli-io.ts';
import type { ImportOptions } from '../commands/import-csv.ts';
import { readWithProgress } from '../file-progress.ts';
import { withDatabase } from '../open-store-database.ts';

/** Rows of the dry run's preview that are printed. */
const PREVIEW_ROWS = 20;

/**
 * `ballast import`: streams the file through core's upload checks (a dry run) or applies it all-or-nothing.
 * Row errors go to stderr as `line N, column C: message`, and the command fails.
 */
export async function importCsvAction(
  config: Config,
  file: string,
  options: ImportOptions,
  io: CliIo,
): Promise<void> {
  await withDatabase(config, async ({ db }) => {
    const store = await getStore(db, options.store);
    const input = await readWithProgress(file, options.dryRun ? 'checking' : 'importing', io.interactive);
    try {
      if (options.dryRun) {
        const check = await validateUpload(db, store.id, input.chunks, {
          defaultMode: options.mode,
          previewLimit: PREVIEW_ROWS,
        });
        input.stop();
        if (!check.ok) throw invalidFile(io, check.errors, check.errorCount);
        io.out(
          `dry run: all ${check.rowCount} rows are valid for store ${store.id} "${store.name}"; nothing applied`,
        );
        for (const r of check.preview) {
          io.out(`  line ${r.row}: ${r.sku} at ${r.location}: ${r.onHandBefore} -> ${r.onHandAfter}`);
        }
        if (check.rowCount > check.preview.length)
          io.out(`  ... and ${check.rowCount - check.preview.length} more`);
        return;
      }
      const applied = await applyUpload(db, store.id, input.chunks, {
        filename: basename(file),
        defaultMode: options.mode,
        idempotencyKey: options.idempotencyKey,
      });
      input.stop();
      io.out(
        `imported ${applied.filename} into store ${store.id} "${store.name}": ${applied.rowCount} rows, ` +
          `${applied.changed} changed, ${applied.unchanged} unchanged (upload ${applied.uploadId})`,
      );
    } catch (error) {
      input.stop();
      if (error instanceof CsvUploadError) throw invalidFile(io, error.rowErrors, error.errorCount);
      throw error;
    }
  });
}

function invalidFile(io: CliIo, errors: readonly UploadRowError[], count: number): CliError {
  for (const e of errors) io.err(`line ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
  if (count > errors.length) io.err(`... and ${count - errors.length} more`);
  return new CliError(`the file has ${count} ${count === 1 ? 'error' : 'errors'}; nothing was applied`);
}
