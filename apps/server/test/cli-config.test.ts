import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPendingSettings } from '@ballast/sync-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { syncSettingsOf } from '../src/sync/sync-settings.ts';

describe('loadConfig', () => {
  let dir: string;
  let logs: string[];
  const load = (env: Record<string, string>, flags = {}) =>
    loadConfig({ env: { BALLAST_DATA_DIR: dir, ...env }, flags, log: (m) => logs.push(m) });
  const errorOf = (f: () => unknown): ConfigError => {
    try {
      f();
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-config-'));
    logs = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults: SQLite in the data folder, 127.0.0.1:8080, role all, demo on a fresh folder', () => {
    const config = load({});
    expect(config).toMatchObject({
      databaseUrl: `sqlite:${join(dir, 'ballast.db')}`,
      dialect: 'sqlite',
      dataDir: dir,
      host: '127.0.0.1',
      port: 8080,
      role: 'all',
      demo: true,
      freshDataDir: true,
      publicUrl: 'http://127.0.0.1:8080',
      trustedOrigins: ['http://127.0.0.1:8080'],
      secureCookies: false,
      pendingPollIntervalMs: defaultPendingSettings.pollIntervalMs,
      pendingTimeoutMs: defaultPendingSettings.timeoutMs,
      driftSweepIntervalMs: 15 * 60_000,
      notListedRecheckMs: 3_600_000,
      coalesceMs: 25,
      minWakeGapMs: 10,
    });
  });

  it('reads the sync engine’s intervals as durations with a unit, flags over the environment', () => {
    expect(
      load({
        BALLAST_PENDING_POLL_INTERVAL: '90s',
        BALLAST_PENDING_TIMEOUT: ' 1.5h ',
        BALLAST_DRIFT_SWEEP_INTERVAL: '2d',
      }),
    ).toMatchObject({
      pendingPollIntervalMs: 90_000,
      pendingTimeoutMs: 5_400_000,
      driftSweepIntervalMs: 172_800_000,
    });
    expect(
      load(
        {
          BALLAST_PENDING_POLL_INTERVAL: '90s',
          BALLAST_PENDING_TIMEOUT: '2h',
          BALLAST_DRIFT_SWEEP_INTERVAL: '1h',
        },
        { pendingPollInterval: '1500ms', pendingTimeout: '10m', driftSweepInterval: '5m' },
      ),
    ).toMatchObject({
      pendingPollIntervalMs: 1_500,
      pendingTimeoutMs: 600_000,
      driftSweepIntervalMs: 300_000,
    });
    // An empty variable is unset, as for every other setting.
    expect(load({ BALLAST_PENDING_TIMEOUT: '' }).pendingTimeoutMs).toBe(defaultPendingSettings.timeoutMs);
  });

  it('reads the not-listed recheck, coalescing and wake gap as durations, zero allowed, flags winning', () => {
    expect(
      load({
        BALLAST_NOT_LISTED_RECHECK: '6h',
        BALLAST_SYNC_COALESCE: '250ms',
        BALLAST_SYNC_MIN_WAKE_GAP: '0.5s',
      }),
    ).toMatchObject({ notListedRecheckMs: 21_600_000, coalesceMs: 250, minWakeGapMs: 500 });
    expect(
      load(
        { BALLAST_NOT_LISTED_RECHECK: '6h', BALLAST_SYNC_COALESCE: '250ms', BALLAST_SYNC_MIN_WAKE_GAP: '1s' },
        { notListedRecheck: '0s', syncCoalesce: '0ms', syncMinWakeGap: '0ms' },
      ),
    ).toMatchObject({ notListedRecheckMs: 0, coalesceMs: 0, minWakeGapMs: 0 });
  });

  it('hands every sync engine setting of the configuration to the engine, and nothing else', () => {
    const config = load({
      BALLAST_PENDING_POLL_INTERVAL: '2m',
      BALLAST_PENDING_TIMEOUT: '3h',
      BALLAST_NOT_LISTED_RECHECK: '4h',
      BALLAST_SYNC_COALESCE: '50ms',
      BALLAST_SYNC_MIN_WAKE_GAP: '20ms',
    });
    expect(syncSettingsOf({ ...config, pollIntervalMs: 30 })).toEqual({
      pollIntervalMs: 30,
      pendingPollIntervalMs: 120_000,
      pendingTimeoutMs: 10_800_000,
      notListedRecheckMs: 14_400_000,
      coalesceMs: 50,
      minWakeGapMs: 20,
    });
    // Left out: the engine's own default stands.
    expect(syncSettingsOf({ coalesceMs: 5, pollIntervalMs: undefined })).toEqual({ coalesceMs: 5 });
  });

  it('generates a secret on a fresh folder in <dataDir>/secret with mode 0600, says so, and reuses it', () => {
    const first = load({});
    const file = join(dir, 'secret');
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logs).toEqual([expect.stringContaining(file)]);
    writeFileSync(join(dir, 'ballast.db'), '');
    const again = load({});
    expect(again.secret).toBe(first.secret);
    expect(again).toMatchObject({ freshDataDir: false, demo: false });
    expect(logs).toHaveLength(1);
  });

  it('prefers BALLAST_SECRET and writes no file', () => {
    const config = load({ BALLAST_SECRET: 'a-secret-of-sixteen+' });
    expect(config.secret).toBe('a-secret-of-sixteen+');
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });

  it('flags override the environment', () => {
    const config = load(
      { PORT: '9000', HOST: '0.0.0.0', ROLE: 'worker', BALLAST_DEMO: 'true' },
      { port: '9100', role: 'api', demo: false, publicUrl: 'https://shop.example/admin' },
    );
    expect(config).toMatchObject({
      port: 9100,
      host: '0.0.0.0',
      role: 'api',
      demo: false,
      publicUrl: 'https://shop.example/admin',
      trustedOrigins: ['https://shop.example'],
      secureCookies: true,
    });
  });

  it('reads PostgreSQL URLs, trusted origins and the cookie setting', () => {
    const config = load({
      DATABASE_URL: 'postgres://ballast:pw@db:5432/ballast',
      BALLAST_SECRET: 'a-secret-of-sixteen+',
      BALLAST_TRUSTED_ORIGINS: 'https://admin.example, https://other.example/path',
      BALLAST_SECURE_COOKIES: 'yes',
      HOST: '0.0.0.0',
      PORT: '',
    });
    expect(config).toMatchObject({
      dialect: 'postgres',
      demo: false,
      port: 8080,
      publicUrl: 'http://localhost:8080',
      trustedOrigins: ['http://localhost:8080', 'https://admin.example', 'https://other.example'],
      secureCookies: true,
    });
  });

  it('names the variable at fault', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ PORT: 'abc' }, 'PORT', /PORT \(or --port\): expected a port number \(got "abc"\)/],
      [{ PORT: '70000' }, 'PORT', /between 0 and 65535/],
      [{ ROLE: 'everything' }, 'ROLE', /expected all, api or worker/],
      [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', /expected sqlite:<file> or postgres:\/\//],
      [{ BALLAST_SECRET: 'short' }, 'BALLAST_SECRET', /at least 16 characters/],
      [{ BALLAST_DEMO: 'maybe' }, 'BALLAST_DEMO', /expected true or false/],
      [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL', /http\(s\) URL/],
      [{ BALLAST_TRUSTED_ORIGINS: 'https://ok.example,nope' }, 'BALLAST_TRUSTED_ORIGINS', /http\(s\) URL/],
      [{ DATABASE_URL: 'postgres://db/x' }, 'BALLAST_SECRET', /required with a PostgreSQL DATABASE_URL/],
      [
        { BALLAST_PENDING_POLL_INTERVAL: '60' },
        'BALLAST_PENDING_POLL_INTERVAL',
        /BALLAST_PENDING_POLL_INTERVAL \(or --pending-poll-interval\): expected a duration with its unit, like 500ms, 90s, 15m or 6h \(got "60"\)/,
      ],
      [{ BALLAST_PENDING_POLL_INTERVAL: '500ms' }, 'BALLAST_PENDING_POLL_INTERVAL', /between 1s and 1d/],
      [{ BALLAST_PENDING_TIMEOUT: 'soon' }, 'BALLAST_PENDING_TIMEOUT', /expected a duration/],
      [{ BALLAST_PENDING_TIMEOUT: '31d' }, 'BALLAST_PENDING_TIMEOUT', /between 1m and 30d \(got "31d"\)/],
      [
        { BALLAST_PENDING_POLL_INTERVAL: '2h', BALLAST_PENDING_TIMEOUT: '1h' },
        'BALLAST_PENDING_TIMEOUT',
        /at least the verdict poll interval \(BALLAST_PENDING_POLL_INTERVAL, 2h\)/,
      ],
      [{ BALLAST_PENDING_TIMEOUT: '30s' }, 'BALLAST_PENDING_TIMEOUT', /between 1m and 30d/],
      [{ BALLAST_DRIFT_SWEEP_INTERVAL: '-5m' }, 'BALLAST_DRIFT_SWEEP_INTERVAL', /expected a duration/],
      [{ BALLAST_DRIFT_SWEEP_INTERVAL: '10s' }, 'BALLAST_DRIFT_SWEEP_INTERVAL', /between 1m and 7d/],
      [
        { BALLAST_NOT_LISTED_RECHECK: '0' },
        'BALLAST_NOT_LISTED_RECHECK',
        /BALLAST_NOT_LISTED_RECHECK \(or --not-listed-recheck\): expected a duration with its unit/,
      ],
      [{ BALLAST_NOT_LISTED_RECHECK: '8d' }, 'BALLAST_NOT_LISTED_RECHECK', /between 0ms and 7d \(got "8d"\)/],
      [
        { BALLAST_SYNC_COALESCE: '25' },
        'BALLAST_SYNC_COALESCE',
        /BALLAST_SYNC_COALESCE \(or --sync-coalesce\): expected a duration with its unit/,
      ],
      [{ BALLAST_SYNC_COALESCE: '11s' }, 'BALLAST_SYNC_COALESCE', /between 0ms and 10s/],
      [{ BALLAST_SYNC_MIN_WAKE_GAP: '-1ms' }, 'BALLAST_SYNC_MIN_WAKE_GAP', /expected a duration/],
      [
        { BALLAST_SYNC_MIN_WAKE_GAP: '2s' },
        'BALLAST_SYNC_MIN_WAKE_GAP',
        /BALLAST_SYNC_MIN_WAKE_GAP \(or --sync-min-wake-gap\): must be between 0ms and 1s \(got "2s"\)/,
      ],
    ];
    for (const [env, variable, message] of cases) {
      const error = errorOf(() => load(env));
      expect({ variable: error.variable, message: error.message }).toEqual({
        variable,
        message: expect.stringMatching(message),
      });
    }
  });

  it('never shows the secret in an error', () => {
    expect(errorOf(() => load({ BALLAST_SECRET: 'hunter2' })).message).not.toContain('hunter2');
  });

  it('refuses to invent a secret for a database that already exists without one', () => {
    writeFileSync(join(dir, 'ballast.db'), '');
    const error = errorOf(() => load({}));
    expect(error.variable).toBe('BALLAST_SECRET');
    expect(error.message).toMatch(/the database does/);
    expect(() => statSync(join(dir, 'secret'))).toThrow();
  });
});
