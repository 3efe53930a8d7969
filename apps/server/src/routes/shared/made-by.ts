import type { MadeBy } from '@ballast/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';

type NamedRows = {
  apiTokens: { id: number; name: string };
  authUsers: { id: string; email: string };
};

/** A name as core keeps it: trimmed, at most 200 characters, null when empty. */
const shown = (name: string | undefined): string | null => name?.trim().slice(0, 200) || null;

/**
 * Who is making a change, with the name a person knows them by (the user's email, the token's name) as it
 * is now: the record keeps it even when the token is renamed or revoked later.
 */
export async function madeByOf(c: Context<AppEnv>): Promise<MadeBy> {
  const principal = c.get('principal');
  const db = c.get('deps').db.withTables<NamedRows>();
  if (principal.kind === 'token') {
    const token = await db
      .selectFrom('apiTokens')
      .select('name')
      .where('id', '=', principal.tokenId)
      .executeTakeFirst();
    return { kind: 'token', id: String(principal.tokenId), name: shown(token?.name) };
  }
  const user = await db
    .selectFrom('authUsers')
    .select('email')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  return { kind: 'user', id: principal.userId, name: shown(user?.email) };
}
