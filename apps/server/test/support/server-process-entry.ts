// A real Ballast process for the start-server tests: `node --import tsx server-process-entry.ts`.
// Configured by BALLAST_TEST_CONFIG (a ServerConfig as JSON). Prints `ready {...}` once started. It stops by
// itself when its parent goes away (stdin closes) or after BALLAST_TEST_MAX_LIFETIME_MS, so a crashed test
// run leaves no process behind; SIGTERM / SIGINT stop it gracefully through startServer's own handlers.

import { createConsoleLogger } from '../../src/start/console-logger.ts';
import { type ServerConfig, startServer } from '../../src/start-server.ts';

const config = JSON.parse(process.env.BALLAST_TEST_CONFIG ?? '{}') as ServerConfig;
const server = await startServer(config, {
  logger: createConsoleLogger({ name: process.env.BALLAST_TEST_NAME ?? config.role }),
  pollIntervalMs: 20,
  poolSize: 4,
});
process.stdout.write(`ready ${JSON.stringify({ url: server.url, role: server.role })}\n`);

const stop = () => void server.stop();
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
// Listening must not keep the process alive once the server stopped (on a signal, say).
(process.stdin as unknown as { unref?: () => void }).unref?.();
setTimeout(stop, Number(process.env.BALLAST_TEST_MAX_LIFETIME_MS ?? 120_000)).unref();
