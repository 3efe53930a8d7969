import { getStore } from '@ballast/core';
import { createApiToken } from '../../auth/api-tokens.ts';
import type { Config } from '../../config.ts';
import type { CliIo } from '../cli-io.ts';
import type { TokenCreateOptions } from '../commands/token-create.ts';
import { withDatabase } from '../open-store-database.ts';

/** `ballast token create`: the secret alone on stdout (for `$(...)`), the rest on stderr. */
export async function createTokenAction(
  config: Config,
  options: TokenCreateOptions,
  io: CliIo,
): Promise<void> {
  await withDatabase(config, async ({ db }) => {
    const store = await getStore(db, options.store);
    const created = await createApiToken(db, store.id, options.name);
    io.err(
      `created API token ${created.token.id} "${options.name}" for store ${store.id} "${store.name}"; shown once:`,
    );
    io.out(created.secret);
  });
}
