import type { Db } from '@ballast/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import type { SessionAuth, SessionUser } from '../../auth/session-auth.ts';
import { membershipsOf } from '../../auth/store-members.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import type { SessionView } from './session-schema.ts';

/** The session layer, or a 404 problem when this server runs with API tokens only. */
export function sessionsOf(c: Context<AppEnv>): SessionAuth {
  const sessions = c.get('deps').sessions;
  if (!sessions) {
    throw new HttpProblem(
      problem(404, 'not_found', 'this server has no merchant sessions; use an API token'),
    );
  }
  return sessions;
}

/** The user with their stores, as every /auth answer shows them. */
export async function sessionView(db: Db, user: SessionUser, expiresAt: number): Promise<SessionView> {
  const stores = (await membershipsOf(db, user.id)).map((m) => ({
    id: m.storeId,
    name: m.storeName,
    role: m.role,
  }));
  return { user, stores, expiresAt };
}

/** Sends better-auth's cookies along, and keeps session answers out of caches. */
export function withCookies(c: Context<AppEnv>, setCookies: readonly string[]): void {
  for (const cookie of setCookies) c.header('set-cookie', cookie, { append: true });
  c.header('cache-control', 'no-store');
}
