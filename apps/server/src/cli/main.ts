import { processIo } from './cli-io.ts';
import { runCli } from './run-cli.ts';

// `serve` keeps the process alive with its server; every other command ends here with its exit code.
process.exitCode = await runCli(process.argv, processIo);
