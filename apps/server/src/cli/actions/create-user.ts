import { createStore, getStore, storeInputSchema, ValidationError } from '@ballast/core';
import { createSessionAuth } from '../../auth/session-auth.ts';
import { addStoreMember } from '../../auth/store-members.ts';
import type { Config } from '../../config.ts';
import { CliError, EXIT_USAGE } from '../cli-error.ts';
import type { CliIo } from '../cli-io.ts';
import type { UserCreateOptions } from '../commands/user-create.ts';
import { withDatabase } from '../open-store-database.ts';

/** `ballast user create`: the user, then their store (an existing one, or a new one they own). */
export async function createUserAction(config: Config, options: UserCreateOptions, io: CliIo): Promise<void> {
  const password = options.password ?? io.env.BALLAST_USER_PASSWORD;
  if (!password) throw new CliError('give --password or set BALLAST_USER_PASSWORD', EXIT_USAGE);
  // Checked before anything is written, so a bad store name leaves no user behind.
  const newStore = options.storeName === undefined ? undefined : storeNamed(options.storeName);
  await withDatabase(config, async ({ db, dialect }) => {
    if (options.store !== undefined) await getStore(db, options.store);
    const sessions = createSessionAuth(db, dialect, {
      secret: config.secret,
      publicUrl: config.publicUrl,
      trustedOrigins: config.trustedOrigins,
      secureCookies: config.secureCookies,
    });
    const created = await sessions.createUser({ email: options.email, password, name: options.name });
    io.out(`created user ${created.email} (id ${created.id})`);
    const storeId = newStore ? (await createStore(db, newStore)).id : options.store;
    if (storeId === undefined) return;
    const role = newStore ? 'owner' : options.role;
    await addStoreMember(db, created.id, storeId, role);
    const store = await getStore(db, storeId);
    io.out(`${role} of store ${store.id} "${store.name}"`);
  });
}

function storeNamed(name: string) {
  const parsed = storeInputSchema.safeParse({ name });
  if (!parsed.success) {
    throw new ValidationError('invalid --store-name', [
      { path: ['storeName'], message: parsed.error.issues[0]!.message },
    ]);
  }
  return parsed.data;
}
