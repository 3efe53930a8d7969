import { createHmac } from 'node:crypto';
import type { Db } from '@ballast/core';
import type { SessionAuth } from '../auth/session-auth.ts';
import { addStoreMember } from '../auth/store-members.ts';

export const DEMO_USER_EMAIL = 'demo@ballast.local';

/**
 * The demo's admin user, owner of the demo store. Its password is derived from the server secret, so every
 * start can show it again without storing it anywhere, and nobody without the secret can guess it.
 */
export async function ensureDemoUser(
  db: Db,
  sessions: SessionAuth,
  storeId: number,
  serverSecret: string,
): Promise<{ email: string; password: string }> {
  const password = createHmac('sha256', serverSecret)
    .update('ballast demo user')
    .digest('base64url')
    .slice(0, 20);
  const existing = await db
    .withTables<{ authUsers: { id: string; email: string } }>()
    .selectFrom('authUsers')
    .select('id')
    .where('email', '=', DEMO_USER_EMAIL)
    .executeTakeFirst();
  const userId =
    existing?.id ??
    (await sessions.createUser({ email: DEMO_USER_EMAIL, password, name: 'Demo merchant' })).id;
  await addStoreMember(db, userId, storeId, 'owner');
  return { email: DEMO_USER_EMAIL, password };
}
