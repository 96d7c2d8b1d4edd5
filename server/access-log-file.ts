import { createWriteStream, openSync, type WriteStream } from 'node:fs';

export interface AccessLogFile {
  write(line: string): void;
  /**
   * Opens the path again (after logrotate moved the file away), so new lines go to the new file. When that fails
   * the old file is kept and the error returned: a log rotation must never stop the server.
   */
  reopen(): Error | null;
  close(): Promise<void>;
}

/** A path that cannot be opened for appending; the CLI stops the start with it (exit 1). */
export class AccessLogOpenError extends Error {}

function open(path: string): WriteStream {
  try {
    return createWriteStream('', { fd: openSync(path, 'a') });
  } catch (error) {
    throw new AccessLogOpenError(`--access-log ${path}: ${(error as Error).message}`);
  }
}

/** `-` is stdout; a file is opened now, so a path that cannot be written stops the start, and appended to. */
export function openAccessLog(target: string): AccessLogFile {
  if (target === '-') {
    return { write: (line) => void process.stdout.write(`${line}\n`), reopen: () => null, close: async () => {} };
  }
  let stream = open(target);
  const end = (old: WriteStream) => new Promise<void>((resolve) => old.end(resolve));
  return {
    write: (line) => void stream.write(`${line}\n`),
    reopen: () => {
      const old = stream;
      try {
        stream = open(target);
      } catch (error) {
        return error as Error;
      }
      void end(old);
      return null;
    },
    close: () => end(stream),
  };
}
