import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from '../../src/start-server.ts';

const entry = fileURLToPath(new URL('./server-process-entry.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Where it serves HTTP (roles api and all). */
  url: string | undefined;
  /** Everything it printed, for assertions and for failure messages. */
  output(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code once the process ended (by whatever means). */
  exited: Promise<number | null>;
}

/** Starts `startServer(config)` in a new Node process and waits until it is ready. */
export async function startServerProcess(
  config: ServerConfig,
  options: { name?: string; maxLifetimeMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      ...process.env,
      BALLAST_TEST_CONFIG: JSON.stringify(config),
      BALLAST_TEST_NAME: options.name ?? config.role,
      BALLAST_TEST_MAX_LIFETIME_MS: String(options.maxLifetimeMs ?? 120_000),
    },
    // stdin is a pipe only so the child notices when this process goes away.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url?: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process not ready after 30 s:\n${out}`)), 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited early with ${code}:\n${out}`));
    });
    child.stdout!.on('data', () => {
      const line = out.split('\n').find((l) => l.startsWith('ready '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('ready '.length)) as { url?: string });
      }
    });
  });
  return {
    child,
    url: ready.url,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
