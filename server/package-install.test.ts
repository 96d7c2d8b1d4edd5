import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProcess, startConsoleProcess } from './testing/console-process.ts';
import { type InstalledPackage, packAndInstall } from './testing/package-install.ts';
import { startTestCluster, type TestCluster } from './testing/test-cluster.ts';

/**
 * The package as an operator gets it: packed, installed into an empty prefix, started through its `bin` with plain
 * Node (see packAndInstall for its cost).
 */
const ROOT = new URL('..', import.meta.url).pathname;
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let installed: InstalledPackage;
let router: TestCluster;
const running: ConsoleProcess[] = [];

beforeAll(async () => {
  installed = await packAndInstall();
  router = await startTestCluster();
}, 180_000);

afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  await router?.stop();
  installed?.remove();
});

async function start(args: string[]): Promise<ConsoleProcess> {
  const server = await startConsoleProcess(installed.command, args);
  running.push(server);
  return server;
}

describe('the packed and installed package', () => {
  it(`is a tarball of at most 5 MB with the built console, the compiled server and no sources`, () => {
    expect(statSync(installed.tarball).size).toBeLessThanOrEqual(MAX_TARBALL_BYTES);
    expect(readdirSync(installed.packageDir).sort()).toEqual([
      'README.md',
      'bin',
      'dist',
      'dist-server',
      'package.json',
    ]);
    expect(readdirSync(join(installed.packageDir, 'dist'))).toContain('index.html');
    const installedPackages = readdirSync(join(installed.packageDir, '..'));
    // Only what the server runs on: the browser's libraries are inside dist/, the toolchain stays behind.
    for (const devOnly of ['react', 'vite', 'tsx', 'typescript', 'vitest', '@tanstack']) {
      expect(installedPackages).not.toContain(devOnly);
    }
  });

  it("ships React's production build, even when packed from a test run (NODE_ENV=test)", () => {
    // React's development build names this frame; under StrictMode it also mounts every effect twice.
    const assets = join(installed.packageDir, 'dist', 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts)
      expect(readFileSync(join(assets, name), 'utf8')).not.toContain('react-stack-bottom-frame');
  });

  it('prints its version and exits 0', () => {
    expect(execFileSync(installed.command[0] as string, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
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
    const data = join(installed.work, 'data');
    const server = await start(['--data', data, '--coordinator-period', '0']);
    const names = await fetch(`${server.baseUrl}/druid/coordinator/v1/metadata/datasources`);
    expect(await names.json()).toContain('wikipedia_hour');
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
  });
});
