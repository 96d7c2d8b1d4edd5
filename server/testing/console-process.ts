import { type ChildProcess, spawn } from 'node:child_process';

export interface ConsoleProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output contains `text`. */
  waitForOutput(text: string): Promise<void>;
  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null>;
}

const ROOT = new URL('../..', import.meta.url).pathname;
/** The console from its sources, as `npm start` runs it (without building dist/). */
export const FROM_SOURCES = [process.execPath, '--import', 'tsx', 'server/main.ts'];
const LISTENING = /Druid Data Console at (http:\/\/\S+) /;

/**
 * Starts a console server on a free port (`--port 0`; the port comes from its "Druid Data Console at" line) and
 * resolves once it listens, or rejects with its output when it exits first.
 */
export function startConsoleProcess(
  command: string[],
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ConsoleProcess> {
  const [file, ...prefix] = command;
  const child = spawn(file as string, [...prefix, '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1', ...env },
  });
  let output = '';
  const watchers = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk;
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForOutput = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.includes(text)) return;
        watchers.delete(check);
        resolve();
      };
      watchers.add(check);
      check();
      exit.then(() => watchers.has(check) && reject(new Error(`Exited without printing "${text}":\n${output}`)));
    });
  return new Promise((resolve, reject) => {
    const listening = () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      watchers.delete(listening);
      resolve({ child, baseUrl: match[1], output: () => output, waitForOutput, exited: () => exit });
    };
    watchers.add(listening);
    exit.then((code) => watchers.has(listening) && reject(new Error(`Exited with ${code}:\n${output}`)));
  });
}
