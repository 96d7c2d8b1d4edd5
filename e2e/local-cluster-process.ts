import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface LocalClusterProcess {
  baseURL: string;
  dataDir: string;
  /** The server's process ID (benchmarks read its memory). */
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long generating data may take before the server must answer (default 60 s). */
  healthTimeoutMs?: number;
  /** What answers once it is up (default /status/health; a console serving several clusters has /console/ready). */
  healthPath?: string;
}

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Starts `server/main.ts` as its own process, as `npm start` does (compiled, in an e2e run), on a free port with a
 * temporary data directory, and waits until it answers /status/health.
 */
export async function startLocalCluster(
  extraArgs: string[] = [],
  options: StartOptions = {},
): Promise<LocalClusterProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'druid-console-e2e-'));
  // The e2e global setup compiles the server once (compiled-server.ts); benchmarks and scripts run it through tsx.
  const entry = process.env.E2E_COMPILED_SERVER
    ? ['e2e/compiled-server-main.mjs']
    : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(
    process.execPath,
    [...entry, '--port', String(port), '--data', dataDir, '--coordinator-period', '0', ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  const healthURL = `${baseURL}${options.healthPath ?? '/status/health'}`;
  await waitForHealth(healthURL, child, () => output, options.healthTimeoutMs ?? 60_000);
  return {
    baseURL,
    dataDir,
    pid: child.pid ?? 0,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(
  healthURL: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local cluster exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(healthURL);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The local cluster did not become healthy within ${timeoutMs / 1000} s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
