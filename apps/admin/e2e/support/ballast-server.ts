import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../server/bin/ballast.mjs', import.meta.url));

export interface BallastServer {
  url: string;
  /** The SQLite database the server runs on (`sqlite:<file>`), for seeding at scale. */
  databaseUrl: string;
  /** Runs the `ballast` CLI against this server's data folder; resolves with its stdout. */
  cli(...args: string[]): Promise<string>;
  /** Everything the process printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The real server as self-hosters run it (`ballast serve`), on a fresh temporary data folder (SQLite) and a
 * free port. In demo mode (default) it seeds a store with a local web store simulator, so pushes and Sync
 * History are real.
 */
export async function startBallast(options: { demo?: boolean } = {}): Promise<BallastServer> {
  const demo = options.demo ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'ballast-e2e-'));
  const databaseUrl = `sqlite:${join(dataDir, 'ballast.db')}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    BALLAST_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    BALLAST_SECRET: randomBytes(24).toString('hex'),
    PUBLIC_URL: url,
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', demo ? '--demo' : '--no-demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const server: BallastServer = {
    url,
    databaseUrl,
    async cli(...args) {
      const { stdout } = await run(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
      return stdout;
    },
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    // Demo seeding ends with this line; without the demo, serving is the last step.
    const ready = demo ? /demo mode: open the admin/ : /serving the API/;
    await waitFor(
      () => ready.test(output),
      90_000,
      () => child.exitCode !== null,
    );
  } catch (error) {
    await server.stop();
    throw new Error(`the server did not start: ${(error as Error).message}\n${output}`);
  }
  return server;
}

async function waitFor(done: () => boolean, timeoutMs: number, failed: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (failed()) throw new Error('the process exited');
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
