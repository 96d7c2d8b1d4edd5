import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProcess, startConsoleProcess } from './testing/console-process.ts';
import { startTestCluster, type TestCluster } from './testing/test-cluster.ts';

/**
 * The package as an operator gets it: `npm pack` (which builds what is stale), installed into an empty prefix from
 * the npm cache or registry, started through its `bin` with plain Node. About 30–50 s on a loaded 2-core machine:
 * the console build when dist/ is stale (~10–25 s) and the install (~12 s) dominate.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let work: string;
let tarball: string;
let command: string[];
let router: TestCluster;
const running: ConsoleProcess[] = [];

/**
 * better-sqlite3 compiles SQLite from source when no prebuilt binary can be downloaded (3.5 min here, offline), so
 * the install skips install scripts and the repository's build of the same version is copied in. Everything else
 * comes from the tarball and the registry.
 */
function copySqliteAddon(prefix: string): void {
  const repoAddon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  const installed = join(prefix, 'node_modules', 'better-sqlite3');
  const versionOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  expect(versionOf(installed)).toBe(versionOf(join(dirname(repoAddon), '..', '..')));
  mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
  copyFileSync(repoAddon, join(installed, 'build', 'Release', 'better_sqlite3.node'));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'druid-console-package-'));
  const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0]?.filename ?? '');
  const prefix = join(work, 'prefix');
  execFileSync(
    'npm',
    ['install', '--prefix', prefix, tarball, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  copySqliteAddon(prefix);
  command = [join(prefix, 'node_modules', '.bin', 'druid-data-console')];
  router = await startTestCluster();
}, 180_000);

afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  await router?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function start(args: string[]): Promise<ConsoleProcess> {
  const server = await startConsoleProcess(command, args);
  running.push(server);
  return server;
}

describe('the packed and installed package', () => {
  it(`is a tarball of at most 5 MB with the built console, the compiled server and no sources`, () => {
    expect(statSync(tarball).size).toBeLessThanOrEqual(MAX_TARBALL_BYTES);
    const installed = join(work, 'prefix', 'node_modules', 'druid-data-console');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'dist-server', 'package.json']);
    expect(readdirSync(join(installed, 'dist'))).toContain('index.html');
    const installedPackages = readdirSync(join(work, 'prefix', 'node_modules'));
    // Only what the server runs on: the browser's libraries are inside dist/, the toolchain stays behind.
    for (const devOnly of ['react', 'vite', 'tsx', 'typescript', 'vitest', '@tanstack']) {
      expect(installedPackages).not.toContain(devOnly);
    }
  });

  it('prints its version and exits 0', () => {
    expect(execFileSync(command[0] as string, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('serves the console and forwards Druid calls to a Router, with plain Node', async () => {
    const server = await start(['--router', router.baseUrl]);
    const health = await fetch(`${server.baseUrl}/status/health`);
    expect(await health.json()).toBe(true);
    const index = await fetch(`${server.baseUrl}/segments/wikipedia_hour`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Druid Data Console</title>');
    const names = await fetch(`${server.baseUrl}/druid/coordinator/v1/metadata/datasources`);
    expect(await names.json()).toContain('wikipedia_hour');
    const ready = await fetch(`${server.baseUrl}/console/ready`);
    expect(ready.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
  });

  it('runs the seeded local cluster by default', async () => {
    const data = join(work, 'data');
    const server = await start(['--data', data, '--coordinator-period', '0']);
    const names = await fetch(`${server.baseUrl}/druid/coordinator/v1/metadata/datasources`);
    expect(await names.json()).toContain('wikipedia_hour');
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
  });
});
