import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export interface LocalClusterProcess {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Starts `server/main.ts` as its own process, exactly as `npm start` does, on a free port with a temporary
 * data directory, and waits until it answers /status/health.
 */
export async function startLocalCluster(extraArgs: string[] = []): Promise<LocalClusterProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'druid-console-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--coordinator-period',
      '0',
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, child, () => output);
  return {
    baseURL,
    dataDir,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local cluster exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/status/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The local cluster did not become healthy within 60 s:\n${output()}`);
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
