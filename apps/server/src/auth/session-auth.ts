import { ConflictError, type Db, type DialectName, ValidationError } from '@ballast/core';
import { betterAuth } from 'better-auth';
import { isAPIError } from 'better-auth/api';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../deps.ts';
import { forbidden, HttpProblem, problem, unauthorized } from '../http/problem.ts';
import {
  AUTH_BASE_PATH,
  betterAuthOptions,
  CLIENT_IP_HEADER,
  SESSION_COOKIE_PREFIX,
  type SessionSettings,
} from './better-auth-options.ts';
import type { Principal, PrincipalResolver } from './principal.ts';
import { storeIdsOf } from './store-members.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface NewUser extends Credentials {
  /** Display name; defaults to the part of the email before the @. */
  name?: string | undefined;
}

export interface CurrentSession {
  user: SessionUser;
  /** Epoch milliseconds; moves forward as the session is used. */
  expiresAt: number;
  /** Cookies to send back (a refreshed session cookie), possibly none. */
  setCookies: string[];
}

/** Merchant users and their sessions (better-auth underneath), as the HTTP layer and the CLI use them. */
export interface SessionAuth {
  /** Origins allowed to send cookie-authenticated unsafe requests. */
  readonly trustedOrigins: readonly string[];
  /** Checks the password and opens a session; throws a 401 problem on a wrong email or password. */
  signIn(
    request: Request,
    credentials: Credentials,
    clientIp?: string,
  ): Promise<{ user: SessionUser; expiresAt: number; setCookies: string[] }>;
  /** Ends the request's session (if any); returns the cookies that clear it. */
  signOut(request: Request): Promise<string[]>;
  /** The request's session, slid forward when due (the refreshed cookie is in `setCookies`). */
  currentSession(request: Request): Promise<CurrentSession | null>;
  /** For `AppDeps.resolveSession`: the signed-in user and their stores, without touching the session. */
  resolvePrincipal: PrincipalResolver;
  /** Creates a user who signs in with email + password (public sign-up is closed). */
  createUser(input: NewUser): Promise<SessionUser>;
}

const SESSION_COOKIE = `${SESSION_COOKIE_PREFIX}.session_token`;
// Headers better-auth's origin and CSRF checks read, and the user agent it records with the session;
// nothing else of the client's request is forwarded.
const FORWARDED_HEADERS = [
  'user-agent',
  'cookie',
  'origin',
  'referer',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
];

/**
 * Sessions with better-auth on our database. better-auth gets `db.withoutPlugins()`: the same connections
 * (so it sees the same in-memory SQLite database and shares the pool) without core's CamelCasePlugin.
 *
 * Its HTTP handler is not mounted: our OpenAPI routes forward the few calls they make to it, so its origin
 * check (trusted origins), CSRF check and rate limits apply, and no other better-auth endpoint is reachable.
 */
export function createSessionAuth(db: Db, dialect: DialectName, settings: SessionSettings): SessionAuth {
  const options = betterAuthOptions(db.withoutPlugins() as Kysely<unknown>, dialect, settings);
  const auth = betterAuth(options);

  async function forward(
    from: Request,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    clientIp?: string,
  ): Promise<Response> {
    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = from.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (clientIp) headers.set(CLIENT_IP_HEADER, clientIp);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const url = new URL(`${AUTH_BASE_PATH}${path}`, options.baseURL);
    const response = await auth.handler(
      new Request(url, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }),
    );
    if (!response.ok) throw await problemOf(response);
    return response;
  }

  return {
    trustedOrigins: options.trustedOrigins,

    async signIn(request, credentials, clientIp) {
      const body = { email: credentials.email, password: credentials.password, rememberMe: true };
      const response = await forward(request, 'POST', '/sign-in/email', body, clientIp);
      const data = (await response.json()) as { user: BetterAuthUser };
      const setCookies = response.headers.getSetCookie();
      // The body carries no expiry: read the session the cookie names, as the next request would.
      const session = await auth.api.getSession({
        headers: new Headers({ cookie: setCookies.map((c) => c.split(';')[0]).join('; ') }),
        query: { disableRefresh: true },
      });
      return {
        user: toUser(data.user),
        expiresAt: session ? toMillis(session.session.expiresAt) : Date.now(),
        setCookies,
      };
    },

    async signOut(request) {
      if (!hasSessionCookie(request)) return [];
      const response = await forward(request, 'POST', '/sign-out', {});
      return response.headers.getSetCookie();
    },

    async currentSession(request) {
      if (!hasSessionCookie(request)) return null;
      const response = await forward(request, 'GET', '/get-session');
      const data = (await response.json()) as {
        user: BetterAuthUser;
        session: { expiresAt: string | Date };
      } | null;
      if (!data) return null;
      return {
        user: toUser(data.user),
        expiresAt: toMillis(data.session.expiresAt),
        setCookies: response.headers.getSetCookie(),
      };
    },

    async resolvePrincipal(request): Promise<Principal | undefined> {
      if (!hasSessionCookie(request)) return undefined;
      // API calls only read the session; GET /auth/session slides it and sends the refreshed cookie.
      const found = await auth.api.getSession({ headers: request.headers, query: { disableRefresh: true } });
      if (!found) return undefined;
      return { kind: 'user', userId: found.user.id, storeIds: await storeIdsOf(db, found.user.id) };
    },

    async createUser(input) {
      const name = input.name?.trim() || input.email.split('@')[0] || input.email;
      // better-auth answers a duplicate sign-up with a look-alike success (so sign-up cannot probe which emails
      // exist); ours is an operator's command, which must say so.
      if (await userIdByEmail(db, input.email)) throw duplicateEmail();
      let created: SessionUser;
      try {
        const result = await auth.api.signUpEmail({
          body: { email: input.email, password: input.password, name },
        });
        created = toUser(result.user);
      } catch (error) {
        throw domainErrorOf(error);
      }
      // Another process may have taken the email in between: then the answer above was the look-alike.
      if ((await userIdByEmail(db, input.email)) !== created.id) throw duplicateEmail();
      return created;
    },
  };
}

interface BetterAuthUser {
  id: string;
  email: string;
  name: string;
  createdAt: string | Date;
}

const toMillis = (value: string | Date) => new Date(value).getTime();
const toUser = (user: BetterAuthUser): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  createdAt: toMillis(user.createdAt),
});

function hasSessionCookie(request: Request): boolean {
  return request.headers.get('cookie')?.includes(SESSION_COOKIE) ?? false;
}

/** better-auth's JSON error (`{ code, message }`) as a problem with the status our API documents. */
async function problemOf(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  const message = body?.message ?? response.statusText;
  switch (response.status) {
    case 401:
      return unauthorized('wrong email or password');
    case 403:
      return forbidden(`refused by the session guard: ${message}`);
    case 429: {
      const wait = response.headers.get('x-retry-after') ?? response.headers.get('retry-after');
      return new HttpProblem(
        problem(429, 'rate_limited', `too many attempts; try again in ${wait ?? 'a few'} seconds`),
      );
    }
    default:
      if (response.status < 500) return new HttpProblem(problem(400, 'bad_request', message));
      return new Error(`better-auth answered ${response.status}: ${message}`);
  }
}

const duplicateEmail = () => new ConflictError('a user with this email already exists', ['email']);

async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const row = await db
    .withTables<{ authUsers: { id: string; email: string } }>()
    .selectFrom('authUsers')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/** better-auth's sign-up refusals as core's typed errors, so the API and the CLI report them alike. */
function domainErrorOf(error: unknown): unknown {
  if (!isAPIError(error)) return error;
  const code = typeof error.body?.code === 'string' ? error.body.code : '';
  const message = error.body?.message ?? error.message;
  if (code.includes('ALREADY_EXISTS'))
    return new ConflictError('a user with this email already exists', ['email']);
  if (code.includes('EMAIL')) return new ValidationError('invalid user', [{ path: ['email'], message }]);
  if (code.includes('PASSWORD'))
    return new ValidationError('invalid user', [{ path: ['password'], message }]);
  return new ValidationError('invalid user', [{ path: [], message }]);
}

/** The AppDeps fields that turn sessions on: the /auth routes and cookie authentication beside tokens. */
export function sessionDeps(sessions: SessionAuth): Pick<AppDeps, 'sessions' | 'resolveSession'> {
  return { sessions, resolveSession: sessions.resolvePrincipal };
}
