import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, parseServerOptions } from './cli-options.ts';

const ROOT = new URL('..', import.meta.url).pathname;

describe('--generate-fleet COUNT:SEGMENTS', () => {
  it('is off unless asked for', () => {
    expect(parseServerOptions([], {}).generateFleet).toBeNull();
  });

  it('reads the flag, or the environment variable when there is no flag', () => {
    expect(parseServerOptions(['--generate-fleet', '10000:300'], {}).generateFleet).toEqual({
      count: 10_000,
      segments: 300,
    });
    expect(parseServerOptions([], { DRUID_CONSOLE_GENERATE_FLEET: '5:20' }).generateFleet).toEqual({
      count: 5,
      segments: 20,
    });
    expect(
      parseServerOptions(['--generate-fleet', '2:3'], { DRUID_CONSOLE_GENERATE_FLEET: '5:20' }).generateFleet,
    ).toEqual({ count: 2, segments: 3 });
  });

  it.each(['10000', '10000:', ':300', 'a:b', '0:300', '10:0', '-1:5', '1.5:3', '10:300:1', '1e3:300', ''])(
    'rejects "%s" with a message saying what it expects',
    (text) => {
      expect(() => parseServerOptions([`--generate-fleet=${text}`], {})).toThrow(
        `--generate-fleet expects COUNT:SEGMENTS, two integers ≥ 1 such as 10000:300, got "${text}"`,
      );
    },
  );

  it('rejects more datasources than five-digit names allow, and absurd totals', () => {
    expect(() => parseServerOptions(['--generate-fleet', '100000:1'], {})).toThrow(
      '--generate-fleet makes at most 99999 datasources, got 100000',
    );
    expect(() => parseServerOptions(['--generate-fleet', '99999:99999999999999'], {})).toThrow('too large');
  });

  it('is documented in the help with its environment variable', () => {
    expect(HELP).toContain('--generate-fleet COUNT:SEGMENTS');
    expect(HELP).toContain('[DRUID_CONSOLE_GENERATE_FLEET]');
  });

  it('stops the server before it starts anything when the value is bad', () => {
    const parent = mkdtempSync(join(tmpdir(), 'druid-console-cli-'));
    const dataDir = join(parent, 'data');
    try {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts', '--data', dataDir, '--generate-fleet', '10x300'],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' }, timeout: 30_000 },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--generate-fleet expects COUNT:SEGMENTS');
      expect(result.stdout).not.toContain('Druid Data Console at');
      // Not even the data directory was created.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('--generate NAME:COUNT', () => {
  it('is repeatable and keeps colons in the name', () => {
    expect(parseServerOptions(['--generate', 'a:10', '--generate', 'b:c:20'], {}).generate).toEqual([
      { dataSource: 'a', count: 10 },
      { dataSource: 'b:c', count: 20 },
    ]);
  });

  it.each(['big', ':10', 'big:0', 'big:x'])('rejects "%s"', (text) => {
    expect(() => parseServerOptions(['--generate', text], {})).toThrow(/--generate/);
  });
});

describe('--properties FILE', () => {
  it('reads the flag or DRUID_CONSOLE_PROPERTIES, and is documented', () => {
    expect(parseServerOptions([], {}).properties).toBeNull();
    expect(parseServerOptions(['--properties', 'a.properties'], {}).properties).toBe('a.properties');
    expect(parseServerOptions([], { DRUID_CONSOLE_PROPERTIES: 'b.properties' }).properties).toBe('b.properties');
    expect(HELP).toContain('[DRUID_CONSOLE_PROPERTIES]');
  });

  it('stops the start on a bad value, naming the property and the file, before anything is created', () => {
    const parent = mkdtempSync(join(tmpdir(), 'druid-console-cli-'));
    const dataDir = join(parent, 'data');
    const file = join(parent, 'runtime.properties');
    writeFileSync(file, 'druid.coordinator.kill.on=true\ndruid.coordinator.kill.bufferPeriod=thirty days\n');
    try {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts', '--data', dataDir, '--properties', file],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' }, timeout: 30_000 },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Invalid value for druid.coordinator.kill.bufferPeriod in ${file}`);
      expect(result.stdout).not.toContain('Druid Data Console at');
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('--local, --access-log, --shutdown-timeout, --version', () => {
  it('serves the local cluster unless a Router is given; --local wins over DRUID_ROUTER_URL', () => {
    expect(parseServerOptions([], {})).toMatchObject({ local: true, router: null });
    expect(parseServerOptions(['--router', 'http://r:8888'], {})).toMatchObject({ local: false });
    expect(parseServerOptions([], { DRUID_ROUTER_URL: 'http://r:8888' })).toMatchObject({ local: false });
    expect(parseServerOptions(['--local'], { DRUID_ROUTER_URL: 'http://r:8888' })).toMatchObject({
      local: true,
      router: null,
    });
    expect(() => parseServerOptions(['--local', '--router', 'http://r:8888'], {})).toThrow(
      '--local and --router exclude each other',
    );
  });

  it('reads the access log target and the shutdown timeout from flags or the environment', () => {
    expect(parseServerOptions([], {})).toMatchObject({ accessLog: null, shutdownTimeoutMs: 25_000 });
    expect(parseServerOptions(['--access-log', '-', '--shutdown-timeout', '0'], {})).toMatchObject({
      accessLog: '-',
      shutdownTimeoutMs: 0,
    });
    expect(
      parseServerOptions([], { DRUID_CONSOLE_ACCESS_LOG: '/var/log/a.log', DRUID_CONSOLE_SHUTDOWN_TIMEOUT: '5000' }),
    ).toMatchObject({ accessLog: '/var/log/a.log', shutdownTimeoutMs: 5000 });
    expect(() => parseServerOptions(['--shutdown-timeout=-1'], {})).toThrow('--shutdown-timeout must be');
  });

  it('knows --version and -v, and documents every new flag with its variable', () => {
    expect(parseServerOptions(['--version'], {}).version).toBe(true);
    expect(parseServerOptions(['-v'], {}).version).toBe(true);
    for (const text of ['--local', '--access-log FILE|-', '[DRUID_CONSOLE_ACCESS_LOG]', '--version', '/console/ready'])
      expect(HELP).toContain(text);
    expect(HELP).toContain('[DRUID_CONSOLE_SHUTDOWN_TIMEOUT]');
  });
});
