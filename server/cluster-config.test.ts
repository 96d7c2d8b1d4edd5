import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServerOptions } from './cli-options.ts';
import { parseClusterConfig } from './cluster-config.ts';
import { runCliInProcess } from './testing/run-cli-in-process.ts';

const work = mkdtempSync(join(tmpdir(), 'druid-console-clusters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
async function runInProcess(argv: string[]): Promise<{ code: number | undefined; stderr: string }> {
  const { code, stderr } = await runCliInProcess(argv, join(work, 'dist'));
  return { code, stderr };
}

describe('--cluster NAME=URL', () => {
  it('is repeatable and turns the one-cluster flags off', () => {
    const options = parseServerOptions(['--cluster', 'prod=https://r1:9088', '--cluster', 'staging=http://r2'], {
      DRUID_ROUTER_URL: 'http://ignored',
    });
    expect(options.clusters).toEqual([
      { name: 'prod', routerUrl: 'https://r1:9088' },
      { name: 'staging', routerUrl: 'http://r2' },
    ]);
    expect(options).toMatchObject({ router: null, local: false, config: null });
  });

  it('leaves --router alone as the one-cluster setup', () => {
    expect(parseServerOptions(['--router', 'http://r'], {})).toMatchObject({ router: 'http://r', clusters: [] });
  });

  it.each([
    [['--cluster', 'prod'], '--cluster expects NAME=URL, got "prod"'],
    [['--cluster', 'a/b=http://r'], '--cluster a/b=http://r: a cluster name is letters, digits'],
    [['--cluster', 'a=ftp://r'], '--cluster a=ftp://r: the URL must be http(s)'],
    [['--cluster', 'a=http://r', '--cluster', 'A=http://s'], 'Two clusters are named "A".'],
    [['--cluster', 'a=http://r', '--router', 'http://s'], '--cluster excludes --local and --router'],
    [['--config', 'c.json', '--local'], '--config excludes --local and --router'],
    [['--cluster', 'a=http://r', '--config', 'c.json'], '--cluster and --config exclude each other'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseServerOptions(argv, {})).toThrow(message);
  });
});

describe('--config FILE', () => {
  const file = join(work, 'clusters.json');

  it('reads every field and resolves caFile against the file', () => {
    const text = JSON.stringify({
      clusters: [
        {
          name: 'prod',
          routerUrl: 'https://r:9088',
          caFile: 'ca.pem',
          timeoutMs: 5000,
          label: 'production',
          colour: '#b91c1c',
        },
        { name: 'staging', routerUrl: 'http://s:8888' },
      ],
    });
    expect(parseClusterConfig(text, file)).toEqual([
      {
        name: 'prod',
        routerUrl: 'https://r:9088',
        caFile: join(work, 'ca.pem'),
        timeoutMs: 5000,
        label: 'production',
        colour: '#b91c1c',
      },
      { name: 'staging', routerUrl: 'http://s:8888' },
    ]);
  });

  it.each([
    ['{', 'not JSON'],
    ['{"clusters": []}', 'at clusters: clusters must list at least one cluster'],
    ['{"clusters": [{"name": "a"}]}', 'at clusters.0.routerUrl'],
    ['{"clusters": [{"name": "a", "routerUrl": "http://r", "colour": "red"}]}', 'colour must be #rrggbb'],
    ['{"clusters": [{"name": "a", "routerUrl": "http://r", "url": "x"}]}', 'at clusters.0'],
    ['{"clusters": [{"name": "a", "routerUrl": "http://r"}, {"name": "a", "routerUrl": "http://s"}]}', 'Two clusters'],
  ])('rejects %s naming the file and the place', (text, message) => {
    expect(() => parseClusterConfig(text, file)).toThrow(message);
  });

  it('stops the start with exit code 2 and the message alone; an unreadable file is exit code 1', async () => {
    writeFileSync(file, '{"clusters": [{"name": "prod", "routerUrl": "gopher://r"}]}');
    expect(await runInProcess(['--config', file])).toEqual({
      code: 2,
      stderr: `--config ${file} at clusters.0.routerUrl: routerUrl must be an http(s) URL`,
    });
    const missing = await runInProcess(['--config', join(work, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`--config ${join(work, 'missing.json')}: ENOENT`);
  });
});
