import { createHmac } from 'node:crypto';
import type { DialectName } from '@ballast/core';
import type { BetterAuthOptions } from 'better-auth';
import type { Kysely } from 'kysely';

/** What the session layer is configured with (see `Config`). */
export interface SessionSettings {
  /** The server secret; the session signing key is derived from it. */
  secret: string;
  /** Where browsers reach the server. */
  publicUrl: string;
  /** Origins allowed to send cookie-authenticated unsafe requests. */
  trustedOrigins: readonly string[];
  /** `Secure` cookies (needs https). */
  secureCookies: boolean;
  /** Limit sign-in attempts per client address (default on; tests without addresses turn it off). */
  rateLimit?: boolean;
  /** Where better-auth's errors go (a refused origin, a database failure); default stderr. */
  logError?: (message: string) => void;
}

/** better-auth answers under this path; it is never mounted itself, our routes forward to it (see session-auth.ts). */
export const AUTH_BASE_PATH = '/api/v1/auth/internal';
export const SESSION_COOKIE_PREFIX = 'ballast';
/** The client address, set by our routes from the socket (any client-sent value is dropped), for rate limits. */
export const CLIENT_IP_HEADER = 'x-ballast-client-ip';
/** A session lasts this long and slides forward when used (refreshed at most once per UPDATE_AGE). */
const EXPIRES_IN_S = 7 * 24 * 3600;
const UPDATE_AGE_S = 24 * 3600;

// Our tables and columns are snake_case; better-auth's defaults are camelCase singular names.
const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' };

/**
 * The better-auth configuration: email + password only (no public sign-up: users are created with
 * `ballast user create`), sessions in the database, httpOnly SameSite=Lax cookies, no telemetry.
 *
 * `db` must be a Kysely instance WITHOUT core's CamelCasePlugin (`db.withoutPlugins()`): better-auth names
 * its own columns, and the plugin would rename them under it.
 */
export function betterAuthOptions(
  db: Kysely<unknown>,
  dialect: DialectName,
  settings: Pick<SessionSettings, 'secret'> & Partial<SessionSettings>,
) {
  return {
    appName: 'Ballast',
    database: { db, type: dialect, transaction: true },
    secret: deriveKey(settings.secret),
    baseURL: settings.publicUrl ? new URL(settings.publicUrl).origin : 'http://localhost',
    basePath: AUTH_BASE_PATH,
    trustedOrigins: settings.trustedOrigins ? [...settings.trustedOrigins] : [],
    telemetry: { enabled: false },
    // In memory, per process: sign-in attempts (3 per 10 s per address by default).
    rateLimit: { enabled: settings.rateLimit ?? true, storage: 'memory' },
    logger: {
      level: 'error',
      log: (_level: string, message: string) => {
        (settings.logError ?? ((m: string) => process.stderr.write(`${m}\n`)))(`better-auth: ${message}`);
      },
    },
    emailAndPassword: { enabled: true, autoSignIn: false, minPasswordLength: 10, maxPasswordLength: 256 },
    // Only our own routes reach better-auth; these paths are closed even if someone mounted its handler.
    disabledPaths: ['/sign-up/email', '/delete-user', '/update-user', '/change-email'],
    session: {
      modelName: 'auth_sessions',
      expiresIn: EXPIRES_IN_S,
      updateAge: UPDATE_AGE_S,
      fields: {
        ...timestamps,
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
      },
    },
    user: { modelName: 'auth_users', fields: { ...timestamps, emailVerified: 'email_verified' } },
    account: {
      modelName: 'auth_accounts',
      fields: {
        ...timestamps,
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
      },
    },
    verification: { modelName: 'auth_verifications', fields: { ...timestamps, expiresAt: 'expires_at' } },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: settings.secureCookies ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Explicit: better-auth would otherwise skip its origin check whenever NODE_ENV is "test".
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
  } satisfies BetterAuthOptions;
}

/** A key of its own for session signing, so the cookie key and the credentials key never coincide. */
function deriveKey(secret: string): string {
  return createHmac('sha256', secret).update('ballast/sessions').digest('base64url');
}
