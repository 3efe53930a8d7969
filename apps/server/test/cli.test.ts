import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webhookConnector } from '@ballast/connector-webhook';
import { createProduct, type Db, getProductBalance, getProductBySku, openDatabase } from '@ballast/core';
import { createTestDatabase } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createSessionAuth, sessionDeps } from '../src/auth/session-auth.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';

const BIN = fileURLToPath(new URL('../bin/ballast.mjs', import.meta.url));
const PASSWORD = 'a long passphrase';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process with only the given Ballast variables set. */
function ballast(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DATABASE_URL|BALLAST_|PORT$|HOST$|ROLE$|PUBLIC_URL$)/.test(key),
    ),
  );
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...clean, ...env } });
  return collect(child);
}

function collect(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function onHand(db: Db, storeId: number, sku: string): Promise<number | null> {
  const product = await getProductBySku(db, storeId, sku);
  return (await getProductBalance(db, storeId, product.id)).onHand;
}

/** A request to the app (with sessions) built in this process on the database the CLI wrote. */
function inProcessApp(db: Db, dialect: 'sqlite' | 'postgres', secret: string) {
  const sessions = createSessionAuth(db, dialect, {
    secret,
    publicUrl: 'http://localhost:8080',
    trustedOrigins: ['http://localhost:8080'],
    secureCookies: false,
    rateLimit: false,
    logError: () => {},
  });
  return createApp(
    {
      db,
      dialect,
      connectors: new Map([[webhookConnector.id, webhookConnector]]),
      secrets: createSecretBox(secret),
      notifySync: () => {},
      ...sessionDeps(sessions),
    },
    { logError: () => {} },
  );
}

// Every test starts real processes (tsx compiles on start): slow on a busy machine.
describe('ballast CLI', { timeout: 180_000 }, () => {
  describe('--help', () => {
    it('describes every command with examples, and exits 0', async () => {
      const commands = [[], ['serve'], ['migrate'], ['user', 'create'], ['token', 'create'], ['import']];
      const runs = await Promise.all(commands.map((command) => ballast([...command, '--help'])));
      for (const [i, run] of runs.entries()) {
        const command = commands[i]!.join(' ');
        expect({ command, code: run.code }).toEqual({ command, code: 0 });
        expect(run.stdout).toContain(`Usage: ballast${command ? ` ${command}` : ''}`);
        expect(run.stdout).toContain('Examples:');
      }
      expect(runs[0]!.stdout).toMatch(/serve[\s\S]*migrate[\s\S]*user[\s\S]*token[\s\S]*import/);
      expect(runs[3]!.stdout).toContain('--store-name <name>');
      for (const variable of [
        'BALLAST_PENDING_POLL_INTERVAL',
        'BALLAST_PENDING_TIMEOUT',
        'BALLAST_DRIFT_SWEEP_INTERVAL',
        'BALLAST_NOT_LISTED_RECHECK',
        'BALLAST_SYNC_COALESCE',
        'BALLAST_SYNC_MIN_WAKE_GAP',
      ]) {
        expect(runs[1]!.stdout.replaceAll(/\s+/g, ' ')).toContain(`env ${variable}, default`);
      }
      expect(runs[5]!.stdout).toContain('line N, column C: message');
    });

    it('runs as `pnpm --filter @ballast/server exec ballast`', async () => {
      const root = fileURLToPath(new URL('../../..', import.meta.url));
      const child = spawn(
        'pnpm',
        ['--filter', '@ballast/server', 'exec', 'ballast', 'token', 'create', '--help'],
        {
          cwd: root,
        },
      );
      const run = await collect(child);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: ballast token create');
    });

    it('exits 2 on an unknown command or a missing required option', async () => {
      const [unknown, missing] = await Promise.all([
        ballast(['frobnicate']),
        ballast(['token', 'create', '--name', 'x']),
      ]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("unknown command 'frobnicate'");
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("required option '--store <id>' not specified");
    });
  });

  describe('bad configuration', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ballast-cli-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names the variable and exits 2, before touching anything', async () => {
      const runs = await Promise.all([
        ballast(['serve'], { BALLAST_DATA_DIR: dir, PORT: 'eighty' }),
        ballast(['migrate'], { BALLAST_DATA_DIR: dir, DATABASE_URL: 'mysql://db/ballast' }),
        ballast(['migrate'], { BALLAST_DATA_DIR: dir, DATABASE_URL: 'postgres://127.0.0.1:1/none' }),
        ballast(['serve', '--role', 'everything'], { BALLAST_DATA_DIR: dir }),
        ballast(['serve', '--pending-timeout', '30'], { BALLAST_DATA_DIR: dir }),
        ballast(['serve', '--sync-coalesce', '1m'], { BALLAST_DATA_DIR: dir }),
      ]);
      expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2]);
      expect(runs[0]!.stderr).toContain('invalid configuration: PORT (or --port): expected a port number');
      expect(runs[1]!.stderr).toContain('invalid configuration: DATABASE_URL (or --database-url)');
      expect(runs[2]!.stderr).toContain('invalid configuration: BALLAST_SECRET');
      expect(runs[3]!.stderr).toContain("argument 'everything' is invalid");
      expect(runs[4]!.stderr).toContain(
        'invalid configuration: BALLAST_PENDING_TIMEOUT (or --pending-timeout): expected a duration with its unit',
      );
      expect(runs[5]!.stderr).toContain(
        'invalid configuration: BALLAST_SYNC_COALESCE (or --sync-coalesce): must be between 0ms and 10s (got "1m")',
      );
      expect(() => statSync(join(dir, 'ballast.db'))).toThrow();
    });
  });

  describe('on a new SQLite data folder', () => {
    let dir: string;
    let env: Record<string, string>;
    let token: string;
    let storeId: number;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ballast-cli-'));
      env = { BALLAST_DATA_DIR: dir };
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('migrate creates the database and a 0600 secret, and says so', async () => {
      const run = await ballast(['migrate'], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`database is up to date (sqlite:${join(dir, 'ballast.db')})`);
      expect(run.stderr).toContain(`generated a server secret in ${join(dir, 'secret')}`);
      expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
      const again = await ballast(['migrate'], env);
      expect(again.code).toBe(0);
      expect(again.stderr).toBe('');
    });

    it('user create makes an owner of a new store who can sign in', async () => {
      const run = await ballast(
        ['user', 'create', '--email', 'Owner@Example.com', '--store-name', 'CLI shop'],
        {
          ...env,
          BALLAST_USER_PASSWORD: PASSWORD,
        },
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('created user owner@example.com');
      const match = /owner of store (\d+) "CLI shop"/.exec(run.stdout);
      expect(match).not.toBeNull();
      storeId = Number(match![1]);

      const duplicate = await ballast(
        ['user', 'create', '--email', 'owner@example.com', '--password', PASSWORD],
        env,
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain('a user with this email already exists');
      const weak = await ballast(
        ['user', 'create', '--email', 'clerk@example.com', '--password', 'short'],
        env,
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/password: .*too short/i);

      const opened = await openDatabase(`sqlite:${join(dir, 'ballast.db')}`);
      try {
        const app = inProcessApp(opened.db, 'sqlite', readFileSync(join(dir, 'secret'), 'utf8').trim());
        const res = await app.request('/api/v1/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          stores: [{ id: storeId, name: 'CLI shop', role: 'owner' }],
        });
        const users = await opened.db
          .withTables<{ authUsers: { email: string } }>()
          .selectFrom('authUsers')
          .select('email')
          .execute();
        expect(users).toEqual([{ email: 'owner@example.com' }]);
      } finally {
        await opened.close();
      }
    });

    it('token create prints the secret once; `serve` accepts it for its store only, and the user’s sign-in', async () => {
      const run = await ballast(['token', 'create', '--store', String(storeId), '--name', 'ci'], env);
      expect(run.code).toBe(0);
      token = run.stdout.trim();
      expect(token).toMatch(/^blst_[\w-]+$/);
      expect(run.stderr).toContain(`for store ${storeId} "CLI shop"; shown once`);
      const unknown = await ballast(['token', 'create', '--store', '999', '--name', 'ci'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('store not found');

      const port = await freePort();
      const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--no-demo'], {
        env: { ...process.env, ...env },
      });
      const done = collect(server);
      try {
        const base = `http://127.0.0.1:${port}/api/v1`;
        let ready = false;
        for (let i = 0; i < 300 && !ready; i++) {
          ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (r) => r.ok,
            () => false,
          );
          if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(ready).toBe(true);
        const auth = { authorization: `Bearer ${token}` };
        const mine = await fetch(`${base}/stores/${storeId}`, { headers: auth });
        expect(mine.status).toBe(200);
        expect(await mine.json()).toMatchObject({ id: storeId, name: 'CLI shop' });
        expect((await fetch(`${base}/stores/${storeId + 1}`, { headers: auth })).status).toBe(403);
        expect((await fetch(`${base}/stores/${storeId}`)).status).toBe(401);

        // The user `user create` made signs in to the served app; the cookie then works like the token.
        const signIn = await fetch(`${base}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
          body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
        });
        expect(signIn.status).toBe(200);
        const cookie = signIn.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const stores = await fetch(`${base}/stores`, { headers: { cookie } });
        expect(await stores.json()).toEqual({
          items: [expect.objectContaining({ id: storeId, name: 'CLI shop' })],
        });
      } finally {
        server.kill('SIGTERM');
        await done;
      }
    });

    it('import: errors as "line N, column C: message" and exit 1, a dry run, then the real thing', async () => {
      const url = `sqlite:${join(dir, 'ballast.db')}`;
      const opened = await openDatabase(url);
      try {
        await createProduct(opened.db, storeId, { sku: 'MUG', name: 'Mug' });
        await createProduct(opened.db, storeId, { sku: 'CAP', name: 'Cap' });
      } finally {
        await opened.close();
      }
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'sku,quantity\nMUG,5\nNOPE,3\nCAP,lots\n');
      const invalid = await ballast(['import', bad, '--store', String(storeId)], env);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('line 3, column sku: unknown SKU "NOPE"');
      expect(invalid.stderr).toMatch(/line 4, column quantity: .*lots/);
      expect(invalid.stderr).toContain('the file has 2 errors; nothing was applied');
      // Not a terminal: no progress bar.
      expect(invalid.stderr).not.toMatch(/[░█]|\d+%/);

      const good = join(dir, 'good.csv');
      writeFileSync(good, 'sku,quantity\nMUG,5\nCAP,7\n');
      const dry = await ballast(['import', good, '--store', String(storeId), '--dry-run'], env);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('dry run: all 2 rows are valid');
      expect(dry.stdout).toContain('line 2: MUG at Main warehouse: 0 -> 5');

      const applied = await ballast(['import', good, '--store', String(storeId)], env);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain('2 rows, 2 changed, 0 unchanged');
      const delta = join(dir, 'delta.csv');
      writeFileSync(delta, 'sku,quantity\nMUG,-2\n');
      const added = await ballast(['import', delta, '--store', String(storeId), '--mode', 'delta'], env);
      expect(added.code).toBe(0);

      const missing = await ballast(['import', join(dir, 'nope.csv'), '--store', String(storeId)], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no such file');

      const after = await openDatabase(url);
      try {
        expect(await onHand(after.db, storeId, 'MUG')).toBe(3);
        expect(await onHand(after.db, storeId, 'CAP')).toBe(7);
      } finally {
        await after.close();
      }
    });
  });

  describe('on PostgreSQL', () => {
    it('migrates, creates a user and a token that the API accepts', async () => {
      const t = await createTestDatabase('postgres');
      const secret = 'postgres-cli-secret-1234';
      const env = { DATABASE_URL: t.url, BALLAST_SECRET: secret };
      try {
        expect((await ballast(['migrate'], env)).code).toBe(0);
        const user = await ballast(
          ['user', 'create', '--email', 'pg@example.com', '--password', PASSWORD, '--store-name', 'PG shop'],
          env,
        );
        expect(user.code).toBe(0);
        const storeId = Number(/owner of store (\d+)/.exec(user.stdout)![1]);
        const created = await ballast(['token', 'create', '--store', String(storeId), '--name', 'ci'], env);
        expect(created.code).toBe(0);
        const token = created.stdout.trim();

        const app = inProcessApp(t.db, 'postgres', secret);
        const res = await app.request(`/api/v1/stores/${storeId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ name: 'PG shop' });
        const signIn = await app.request('/api/v1/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'pg@example.com', password: PASSWORD }),
        });
        expect(signIn.status).toBe(200);
      } finally {
        await t.drop();
      }
    });
  });
});
