/** Where a command writes: results to `out` (scripts read it), progress and notes to `err`. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Draw progress bars (stderr is a terminal). */
  interactive: boolean;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stderr.isTTY === true,
  env: process.env,
};
