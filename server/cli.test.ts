import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProcess, FROM_SOURCES, startConsoleProcess } from './testing/console-process.ts';
import { runCliInProcess } from './testing/run-cli-in-process.ts';

/**
 * The command line as operators meet it: exit codes, and stopping on SIGTERM. What needs a real process (an exit
 * code reaching the shell, a port, a signal) starts the server from its sources (tsx, ~1–3 s each; 4 of them).
 */
const ROOT = new URL('..', import.meta.url).pathname;

let work: string;
const runInProcess = (argv: string[]) => runCliInProcess(argv, join(work, 'dist'));
const running: ConsoleProcess[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'druid-console-cli-'));
});

afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]) {
  const [node, ...prefix] = FROM_SOURCES;
  return spawnSync(node as string, [...prefix, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' },
    timeout: 30_000,
  });
}

async function start(args: string[]): Promise<ConsoleProcess> {
  const server = await startConsoleProcess(FROM_SOURCES, args);
  running.push(server);
  return server;
}

describe('exit codes', () => {
  it('0 for --version and --help: they print and return', async () => {
    expect(await runInProcess(['--version'])).toEqual({ code: undefined, stdout: '9.9.9', stderr: '' });
    const help = await runInProcess(['--help']);
    expect(help.code).toBeUndefined();
    expect(help.stdout).toContain('Exit codes: 0 stopped normally, 1 runtime error');
  });

  it('2 for a command line that cannot run as written, with the help', async () => {
    const both = await runInProcess(['--local', '--router', 'http://router:8888']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--local and --router exclude each other');
    expect(both.stderr).toContain('Usage: druid-data-console [options]');
    // And as a real process: the code reaches the shell.
    const unknown = run(['--routr', 'http://router:8888']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--routr'");
  });

  it('1 when a file cannot be opened or the port is taken, saying which, without a stack trace', async () => {
    const log = await runInProcess(['--router', 'http://127.0.0.1:9', '--access-log', join(work, 'no', 'a.log')]);
    expect(log.code).toBe(1);
    expect(log.stderr).toMatch(/^--access-log .*no\/a\.log: ENOENT/);
    const ca = await runInProcess(['--router', 'https://127.0.0.1:9', '--router-ca', join(work, 'no-ca.pem')]);
    expect(ca.code).toBe(1);
    expect(ca.stderr).toMatch(/^--router-ca .*no-ca\.pem: ENOENT/);
    const taken = await start(['--router', 'http://127.0.0.1:9']);
    const port = new URL(taken.baseUrl).port;
    const busy = run(['--router', 'http://127.0.0.1:9', '--port', port]);
    expect(busy.status).toBe(1);
    expect(busy.stderr.trim()).toBe(`Port 127.0.0.1:${port} is in use: pass another with --port.`);
  });
});

describe('SIGTERM', () => {
  it('lets a proxied request in flight finish, refuses new connections, logs it and exits 0 (and SIGHUP reopens the log)', async () => {
    let held: ServerResponse | undefined;
    let received: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    const router = createServer((request, response) => {
      if (request.url === '/status/health') return void response.end('true');
      held = response;
      received();
    });
    await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
    const routerUrl = `http://127.0.0.1:${(router.address() as AddressInfo).port}`;
    const accessLog = join(work, 'access.log');
    try {
      const server = await start(['--router', routerUrl, '--access-log', accessLog]);
      // As logrotate does: move the file away, then SIGHUP; the line below goes to a new file at the same path.
      await (await fetch(`${server.baseUrl}/status/health`)).text();
      renameSync(accessLog, `${accessLog}.1`);
      server.child.kill('SIGHUP');
      await server.waitForOutput(`Reopened the access log ${accessLog}.`);
      const pending = fetch(`${server.baseUrl}/druid/coordinator/v1/datasources`);
      await arrived;
      server.child.kill('SIGTERM');
      await server.waitForOutput('SIGTERM: stopping, waiting up to 25 s for 1 request(s) in flight.');
      await expect(fetch(`${server.baseUrl}/status/health`)).rejects.toThrow();
      held?.writeHead(200, { 'content-type': 'application/json' }).end('["slow_one"]');
      expect(await (await pending).json()).toEqual(['slow_one']);
      expect(await server.exited()).toBe(0);
      expect(server.output()).toContain('Stopped.');
      // The log file was flushed before the exit.
      expect(readFileSync(`${accessLog}.1`, 'utf8')).toMatch(
        /^127\.0\.0\.1 - - \[.+\] "GET \/status\/health HTTP\/1\.1" 200 4 /,
      );
      expect(readFileSync(accessLog, 'utf8')).toMatch(
        /^127\.0\.0\.1 - - \[.+\] "GET \/druid\/coordinator\/v1\/datasources HTTP\/1\.1" 200 12 "-" "\S+"\n$/,
      );
    } finally {
      router.closeAllConnections();
      router.close();
    }
  });

  it('checkpoints and closes the local cluster: the database file alone holds the last write', async () => {
    const data = join(work, 'data');
    const server = await start(['--data', data, '--coordinator-period', '0']);
    const rules = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
    const saved = await fetch(`${server.baseUrl}/druid/coordinator/v1/rules/wikipedia_hour`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Druid-Author': 'test', 'X-Druid-Comment': 'before stop' },
      body: JSON.stringify(rules),
    });
    expect(saved.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited()).toBe(0);
    const wal = join(data, 'metadata.sqlite-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(existsSync(join(data, 'lock'))).toBe(false);
    const db = new Database(join(data, 'metadata.sqlite'), { readonly: true });
    try {
      const row = db.prepare("SELECT count(*) AS n FROM druid_audit WHERE comment = 'before stop'").get();
      expect(row).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
