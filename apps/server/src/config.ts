import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DialectName } from '@ballast/core';
import { z } from 'zod';
import { durationSetting, formatDuration } from './duration-setting.ts';

export type Role = 'all' | 'api' | 'worker';

/** Everything a Ballast process is configured with, resolved from the environment and command-line flags. */
export interface Config {
  /** `sqlite:<file>` or `postgres://...`. */
  databaseUrl: string;
  dialect: DialectName;
  /** Absolute path of the data folder (the default SQLite file and the generated secret live here). */
  dataDir: string;
  host: string;
  port: number;
  /** `all` serves the API and runs the sync loop; `api` and `worker` split them across processes. */
  role: Role;
  /** Encrypts channel credentials and signs session cookies. */
  secret: string;
  /** Seed a demo store with local channel simulators (default: on for a fresh data folder). */
  demo: boolean;
  /** True when the SQLite database did not exist yet: the first start of a new data folder. */
  freshDataDir: boolean;
  /** Where browsers reach the server; its origin is trusted for cookie-authenticated requests. */
  publicUrl: string;
  /** Origins allowed to send cookie-authenticated unsafe requests (the public URL's origin first). */
  trustedOrigins: string[];
  /** Mark session cookies `Secure` (default: when the public URL is https). */
  secureCookies: boolean;
  /**
   * Feed-style channels: from a push they accepted to the first poll for its verdict, and between polls
   * while it is not ready (default 60 s).
   */
  pendingPollIntervalMs: number;
  /** A verdict still missing this long after the push was accepted is given up on: pushed again (default 6 h). */
  pendingTimeoutMs: number;
  /** Time between drift sweeps (read back every channel that can, re-push what drifted; default 15 min). */
  driftSweepIntervalMs: number;
  /** A SKU a channel's lookup did not find is not looked up again until that answer is this old (default 1 h). */
  notListedRecheckMs: number;
  /** After a partial batch a channel's lane waits this long, so changes arriving together share a push (25 ms). */
  coalesceMs: number;
  /** The least time between two looks for channels with work, however often the loop is woken (10 ms). */
  minWakeGapMs: number;
}

/** Command-line flags that override their environment variable. */
export interface ConfigFlags {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  role?: string | undefined;
  demo?: boolean | undefined;
  publicUrl?: string | undefined;
  pendingPollInterval?: string | undefined;
  pendingTimeout?: string | undefined;
  driftSweepInterval?: string | undefined;
  notListedRecheck?: string | undefined;
  syncCoalesce?: string | undefined;
  syncMinWakeGap?: string | undefined;
}

/** A configuration value is missing or wrong; `variable` names the environment variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}${FLAG_OF[variable] ? ` (or ${FLAG_OF[variable]})` : ''}: ${reason}`);
    this.name = 'ConfigError';
  }
}

const FLAG_OF: Record<string, string> = {
  DATABASE_URL: '--database-url',
  BALLAST_DATA_DIR: '--data-dir',
  PORT: '--port',
  HOST: '--host',
  ROLE: '--role',
  BALLAST_DEMO: '--demo / --no-demo',
  PUBLIC_URL: '--public-url',
  BALLAST_PENDING_POLL_INTERVAL: '--pending-poll-interval',
  BALLAST_PENDING_TIMEOUT: '--pending-timeout',
  BALLAST_DRIFT_SWEEP_INTERVAL: '--drift-sweep-interval',
  BALLAST_NOT_LISTED_RECHECK: '--not-listed-recheck',
  BALLAST_SYNC_COALESCE: '--sync-coalesce',
  BALLAST_SYNC_MIN_WAKE_GAP: '--sync-min-wake-gap',
};

/**
 * The sync engine's own defaults (a test holds the pending ones equal to `defaultPendingSettings`; the others
 * are written out in `SyncEngineOptions`).
 */
export const SYNC_DEFAULTS = {
  pendingPollIntervalMs: 60_000,
  pendingTimeoutMs: 6 * 3_600_000,
  driftSweepIntervalMs: 15 * 60_000,
  notListedRecheckMs: 3_600_000,
  coalesceMs: 25,
  minWakeGapMs: 10,
} as const;

const booleanish = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'expected true or false' }))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const origin = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .transform((url) => new URL(url).origin);

const envSchema = z.object({
  BALLAST_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((url) => isPostgresUrl(url) || /^sqlite:.+/.test(url), {
      error: 'expected sqlite:<file> or postgres://user:password@host:5432/database',
    })
    .optional(),
  PORT: z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole number')
    .min(0, 'expected a port between 0 and 65535')
    .max(65535, 'expected a port between 0 and 65535')
    .default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  ROLE: z.enum(['all', 'api', 'worker'], { error: 'expected all, api or worker' }).default('all'),
  BALLAST_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters (32 random bytes recommended)')
    .optional(),
  BALLAST_DEMO: booleanish.optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  BALLAST_TRUSTED_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin))
    .optional(),
  BALLAST_SECURE_COOKIES: booleanish.optional(),
  // A poll costs channel budget: not more than once a second. Feeds take hours at most.
  BALLAST_PENDING_POLL_INTERVAL: durationSetting(1_000, 86_400_000).optional(),
  BALLAST_PENDING_TIMEOUT: durationSetting(60_000, 30 * 86_400_000).optional(),
  // Every sweep reads back every listing of every channel: not more often than once a minute.
  BALLAST_DRIFT_SWEEP_INTERVAL: durationSetting(60_000, 7 * 86_400_000).optional(),
  // 0 looks a missing SKU up on every change of it; past a week a newly listed item goes unnoticed too long.
  BALLAST_NOT_LISTED_RECHECK: durationSetting(0, 7 * 86_400_000).optional(),
  // Every push of a partial batch waits this long, and so does stopping: seconds at most.
  BALLAST_SYNC_COALESCE: durationSetting(0, 10_000).optional(),
  // Work found by a look waits up to this long to be pushed: a second at most.
  BALLAST_SYNC_MIN_WAKE_GAP: durationSetting(0, 1_000).optional(),
});

const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\/./.test(url) && URL.canParse(url);

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  flags?: ConfigFlags;
  /** Where to say that a secret was generated (default: stderr). */
  log?: (message: string) => void;
}

/**
 * Reads the configuration (flags win over the environment) and validates every value. Without
 * `BALLAST_SECRET`, the secret is read from `<dataDir>/secret`, or generated there (mode 0600) when the data
 * folder is new. Throws a ConfigError naming the variable at fault.
 *
 * @example
 * const config = loadConfig({ env: process.env, flags: { port: '9000' } });
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const raw = withFlags(options.env ?? process.env, options.flags ?? {});
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'configuration');
    const value = raw[variable];
    const shown = variable === 'BALLAST_SECRET' || value === undefined ? '' : ` (got "${value}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.BALLAST_DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${join(dataDir, 'ballast.db')}`;
  const dialect: DialectName = isPostgresUrl(databaseUrl) ? 'postgres' : 'sqlite';
  const sqliteFile = dialect === 'sqlite' ? databaseUrl.replace(/^sqlite:(\/\/)?/, '') : null;
  const freshDataDir = sqliteFile !== null && (sqliteFile === ':memory:' || !existsSync(sqliteFile));

  const pendingPollIntervalMs = env.BALLAST_PENDING_POLL_INTERVAL ?? SYNC_DEFAULTS.pendingPollIntervalMs;
  const pendingTimeoutMs = env.BALLAST_PENDING_TIMEOUT ?? SYNC_DEFAULTS.pendingTimeoutMs;
  if (pendingTimeoutMs < pendingPollIntervalMs) {
    throw new ConfigError(
      'BALLAST_PENDING_TIMEOUT',
      `must be at least the verdict poll interval (BALLAST_PENDING_POLL_INTERVAL, ` +
        `${formatDuration(pendingPollIntervalMs)}), or no verdict is ever polled before it is given up on`,
    );
  }
  const publicUrl = env.PUBLIC_URL ?? `http://${browserHost(env.HOST)}:${env.PORT}`;
  const publicOrigin = new URL(publicUrl).origin;
  return {
    databaseUrl,
    dialect,
    dataDir,
    host: env.HOST,
    port: env.PORT,
    role: env.ROLE,
    secret: resolveSecret(env.BALLAST_SECRET, { dataDir, dialect, freshDataDir, log: options.log }),
    demo: env.BALLAST_DEMO ?? freshDataDir,
    freshDataDir,
    publicUrl,
    trustedOrigins: [...new Set([publicOrigin, ...(env.BALLAST_TRUSTED_ORIGINS ?? [])])],
    secureCookies: env.BALLAST_SECURE_COOKIES ?? publicOrigin.startsWith('https:'),
    pendingPollIntervalMs,
    pendingTimeoutMs,
    driftSweepIntervalMs: env.BALLAST_DRIFT_SWEEP_INTERVAL ?? SYNC_DEFAULTS.driftSweepIntervalMs,
    notListedRecheckMs: env.BALLAST_NOT_LISTED_RECHECK ?? SYNC_DEFAULTS.notListedRecheckMs,
    coalesceMs: env.BALLAST_SYNC_COALESCE ?? SYNC_DEFAULTS.coalesceMs,
    minWakeGapMs: env.BALLAST_SYNC_MIN_WAKE_GAP ?? SYNC_DEFAULTS.minWakeGapMs,
  };
}

function withFlags(env: Record<string, string | undefined>, flags: ConfigFlags): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    ...env,
    ...(flags.databaseUrl !== undefined && { DATABASE_URL: flags.databaseUrl }),
    ...(flags.dataDir !== undefined && { BALLAST_DATA_DIR: flags.dataDir }),
    ...(flags.port !== undefined && { PORT: flags.port }),
    ...(flags.host !== undefined && { HOST: flags.host }),
    ...(flags.role !== undefined && { ROLE: flags.role }),
    ...(flags.demo !== undefined && { BALLAST_DEMO: String(flags.demo) }),
    ...(flags.publicUrl !== undefined && { PUBLIC_URL: flags.publicUrl }),
    ...(flags.pendingPollInterval !== undefined && {
      BALLAST_PENDING_POLL_INTERVAL: flags.pendingPollInterval,
    }),
    ...(flags.pendingTimeout !== undefined && { BALLAST_PENDING_TIMEOUT: flags.pendingTimeout }),
    ...(flags.driftSweepInterval !== undefined && { BALLAST_DRIFT_SWEEP_INTERVAL: flags.driftSweepInterval }),
    ...(flags.notListedRecheck !== undefined && { BALLAST_NOT_LISTED_RECHECK: flags.notListedRecheck }),
    ...(flags.syncCoalesce !== undefined && { BALLAST_SYNC_COALESCE: flags.syncCoalesce }),
    ...(flags.syncMinWakeGap !== undefined && { BALLAST_SYNC_MIN_WAKE_GAP: flags.syncMinWakeGap }),
  };
  // An empty variable (`PORT=`) means "not set", as shells and compose files use it.
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== '') result[key] = value;
  return result;
}

/** The host a browser on this machine would use: a wildcard bind address is reached as localhost. */
function browserHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function resolveSecret(
  fromEnv: string | undefined,
  at: {
    dataDir: string;
    dialect: DialectName;
    freshDataDir: boolean;
    log: ((m: string) => void) | undefined;
  },
): string {
  if (fromEnv !== undefined) return fromEnv;
  if (at.dialect === 'postgres') {
    throw new ConfigError(
      'BALLAST_SECRET',
      'required with a PostgreSQL DATABASE_URL (every process must share the same secret)',
    );
  }
  const file = join(at.dataDir, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < 16) throw new ConfigError('BALLAST_SECRET', `${file} holds fewer than 16 characters`);
    return stored;
  }
  if (!at.freshDataDir) {
    // Channel credentials in this database were sealed with some secret; a new one could not open them.
    throw new ConfigError(
      'BALLAST_SECRET',
      `not set and ${file} does not exist, but the database does: set it to the secret the data was created with`,
    );
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(at.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process starting on the same new folder wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  (at.log ?? ((m) => process.stderr.write(`${m}\n`)))(
    `ballast: generated a server secret in ${file} (mode 0600). Back it up with the data: it decrypts ` +
      'channel credentials and signs sessions. Set BALLAST_SECRET to use your own.',
  );
  return secret;
}
