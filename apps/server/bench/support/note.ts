/** Diagnostics go to stderr, so that `--json` output on stdout stays one figure per line. */
export function note(message: string): void {
  process.stderr.write(`  [bench] ${message}\n`);
}
