import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Kills the process at once, the way a crash or OOM kill would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a sync worker in a separate Node process and waits until it runs. */
export async function startWorkerProcess(env: {
  databaseUrl: string;
  connectorConfig: unknown;
  workerId: string;
  leaseMs?: number;
  /** How often the worker polls feed-style channels for verdicts (default 50 ms). */
  pendingPollMs?: number;
}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      CONNECTOR_CONFIG: JSON.stringify(env.connectorConfig),
      WORKER_ID: env.workerId,
      LEASE_MS: String(env.leaseMs ?? 30_000),
      PENDING_POLL_MS: String(env.pendingPollMs ?? 50),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
