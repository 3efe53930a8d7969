import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The real CLI, as `ballast` runs it (tsx loader, no build step). */
export const BALLAST_BIN = fileURLToPath(new URL('../../../bin/ballast.mjs', import.meta.url));

/** The process environment without any Ballast setting, so only what a test passes applies. */
export function cleanEnv(env: Record<string, string>): Record<string, string> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(DATABASE_URL|BALLAST_|PORT$|HOST$|ROLE$|PUBLIC_URL$)/.test(entry[0]),
    ),
  );
  return { ...clean, ...env };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `ballast <args>` command to completion. */
export function runBallast(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, [BALLAST_BIN, ...args], { env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port free right now (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface BallastServer {
  url: string;
  child: ChildProcess;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves with the exit code (null if killed). */
  stop(graceMs?: number): Promise<number | null>;
}

/** Every server started here, so an aborted test run still kills them (see `killAll`). */
const running = new Set<ChildProcess>();
process.once('exit', killAll);

/** Kills what is still running, at once. */
export function killAll(): void {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Starts `ballast serve` with the given environment (PORT among it) and waits until `/readyz` answers 200.
 * Fails with the process output when it exits or is not ready in time.
 */
export async function startBallastServer(
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<BallastServer> {
  const port = env.PORT;
  if (!port) throw new Error('PORT is required');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BALLAST_BIN, 'serve'], {
    env: cleanEnv({ HOST: '127.0.0.1', ...env }),
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const server: BallastServer = {
    url,
    child,
    output: () => out,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const until = Date.now() + readyTimeoutMs;
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  while (!dead) {
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return server;
    if (Date.now() > until) {
      await server.stop(1_000);
      throw new Error(`ballast serve not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ballast serve exited early with ${child.exitCode}:\n${out}`);
}
