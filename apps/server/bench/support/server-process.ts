import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** CPU time the process (every thread) has used so far, in milliseconds (Linux: /proc). */
  cpuMs(): number;
  /** CPU time of the process's main (JavaScript) thread alone: the one that serves HTTP and runs the sync loop. */
  mainThreadCpuMs(): number;
  /** SIGTERM, SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
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

/**
 * Starts `ballast serve` as its own process (as self-hosters run it) and waits for `/readyz`. With
 * `cpuProfileDir`, Node writes a `.cpuprofile` of the server there when it exits.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { cpuProfileDir?: string | undefined } = {},
): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${env.PORT}`;
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(DATABASE_URL|BALLAST_|PORT$|HOST$|ROLE$|PUBLIC_URL$)/.test(entry[0]),
    ),
  );
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, BIN, 'serve'], {
    env: { ...clean, HOST: '127.0.0.1', ...env },
  });
  // The bench process going away (Ctrl-C, a crash) must not leave the server running.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', kill);
      resolve(code);
    }),
  );
  const server: ServerProcess = {
    url,
    child,
    output: () => out,
    cpuMs: () => cpuMsOf(`/proc/${child.pid}/stat`),
    mainThreadCpuMs: () => cpuMsOf(`/proc/${child.pid}/task/${child.pid}/stat`),
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const until = Date.now() + 60_000;
  while (child.exitCode === null && child.signalCode === null) {
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return server;
    if (Date.now() > until) {
      await server.stop(1_000);
      throw new Error(`ballast serve not ready after 60 s:\n${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ballast serve exited early with ${child.exitCode}:\n${out}`);
}

/**
 * utime + stime from a /proc stat file (a process's, or one thread's under /proc/<pid>/task), in ms (clock ticks
 * are 100 per second on Linux).
 */
function cpuMsOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  // Fields after the command name (which may hold spaces) start at state: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
