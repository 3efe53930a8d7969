import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { CliError } from './cli-error.ts';

/** A file's bytes as they are read, with a progress bar on stderr fed by the bytes read (none when not a TTY). */
export interface FileProgress {
  chunks: AsyncIterable<Uint8Array>;
  /** Ends the bar (idempotent); call before printing anything else. */
  stop(): void;
}

export async function readWithProgress(
  path: string,
  label: string,
  interactive: boolean,
): Promise<FileProgress> {
  const size = await stat(path).then(
    (s) => {
      if (!s.isFile()) throw new CliError(`${path} is not a file`);
      return s.size;
    },
    (error: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    },
  );
  const bar = interactive
    ? new SingleBar(
        {
          stream: process.stderr,
          format: `${label} {bar} {percentage}% | {read} of {size}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(size, 0, { read: kb(0), size: kb(size) });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    bar?.stop();
  };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let read = 0;
    for await (const chunk of createReadStream(path)) {
      read += (chunk as Buffer).length;
      bar?.update(read, { read: kb(read) });
      yield chunk as Buffer;
    }
    stop();
  }
  return { chunks: chunks(), stop };
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`);
