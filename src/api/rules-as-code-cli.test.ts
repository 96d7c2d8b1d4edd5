// The terminal command against a real local cluster over HTTP: export, plan, apply, refusals (nothing applied).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface TestCluster {
  baseUrl: string;
  fetch(path: string): Promise<Response>;
  stop(): Promise<void>;
}
type RunRulesCli = (
  argv: string[],
  io: { env: Record<string, string>; out: (text: string) => void; err: (text: string) => void },
) => Promise<number>;
// The cluster (server/) and the command (scripts/) are outside this project's types: loaded at run time.
const TEST_CLUSTER = '../../server/testing/test-cluster.ts';
const NODE_FS = 'node:fs';
const NODE_OS = 'node:os';
const RULES_CLI = '../../scripts/rules-cli-run.ts';
type StartTestCluster = (options?: { auth?: unknown }) => Promise<TestCluster>;
let startTestCluster: StartTestCluster;
let cluster: TestCluster;
let runRulesCli: RunRulesCli;
let dir: string;
// Node's modules too: this project is typed for the browser.
let readFileSync: (path: string, encoding: 'utf8') => string;
let writeFileSync: (path: string, text: string) => void;
const join = (...parts: string[]) => parts.join('/');
beforeAll(async () => {
  const fs = (await import(/* @vite-ignore */ NODE_FS)) as {
    mkdtempSync: (prefix: string) => string;
    readFileSync: typeof readFileSync;
    writeFileSync: typeof writeFileSync;
  };
  const os = (await import(/* @vite-ignore */ NODE_OS)) as { tmpdir: () => string };
  ({ readFileSync, writeFileSync } = fs);
  dir = fs.mkdtempSync(join(os.tmpdir(), 'rules-cli-'));
  ({ startTestCluster } = (await import(/* @vite-ignore */ TEST_CLUSTER)) as {
    startTestCluster: StartTestCluster;
  });
  ({ runRulesCli } = (await import(/* @vite-ignore */ RULES_CLI)) as { runRulesCli: RunRulesCli });
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

async function cli(...argv: string[]) {
  return cliWith({}, cluster, ...argv);
}

async function cliWith(env: Record<string, string>, target: TestCluster, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runRulesCli([...argv, '--router', target.baseUrl], {
    env,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

const RULES = '/druid/coordinator/v1/rules';
const allRules = async () => (await cluster.fetch(RULES)).json() as Promise<Record<string, unknown[]>>;
const historyCount = async (name: string) =>
  ((await (await cluster.fetch(`${RULES}/${name}/history`)).json()) as unknown[]).length;

describe('npm run rules', () => {
  it('exports exactly what GET /rules answers, and plans nothing for it', async () => {
    const file = join(dir, 'export.json');
    expect((await cli('export', '--file', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(await allRules());
    const plan = await cli('plan', '--file', file, '--exit-code');
    expect(plan).toMatchObject({ code: 0, err: '' });
    expect(plan.out).toContain('Plan: 0 datasources to change, 4 unchanged (not sent).');
  });

  it('exports and reads YAML when the file name says so, planning nothing for its own export', async () => {
    const file = join(dir, 'export.yaml');
    expect((await cli('export', '--file', file)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.trimStart().startsWith('{')).toBe(false);
    expect(text).toMatch(/^_default:\n {2}- /m);
    const plan = await cli('plan', '--file', file, '--exit-code');
    expect(plan).toMatchObject({ code: 0, err: '' });
    expect(plan.out).toContain('Plan: 0 datasources to change, 4 unchanged (not sent).');
  });

  it('refuses a file with an invalid period, naming datasource and position, and applies nothing', async () => {
    const before = await allRules();
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ ...before, kttm1: [{ type: 'loadForever' }, { type: 'dropByPeriod', period: 'P1X' }] }),
    );
    const result = await cli('apply', '--file', file, '--comment', 'bad', '--author', 'ci');
    expect(result.code).toBe(1);
    expect(result.err).toContain('kttm1, rule 2 (dropByPeriod): period "P1X" is not a valid ISO-8601 period');
    expect(result.err).toContain('nothing was applied');
    expect(await allRules()).toEqual(before);
  });

  it('plans and applies one changed datasource with author and comment, posting nothing else', async () => {
    const before = await allRules();
    const socialHistory = await historyCount('social_media');
    const kttm = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 }, useDefaultTierForNull: true }];
    const file = join(dir, 'edit.json');
    writeFileSync(file, JSON.stringify({ ...before, kttm1: kttm }));

    const plan = await cli('plan', '--file', file, '--exit-code');
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('kttm1: rules change');
    expect(plan.out).toMatch(/- removed \(was #1\): broadcastForever/);
    expect(plan.out).toMatch(/effect: no longer broadcasts \d+ segments/);
    expect(plan.out).toContain('Plan: 1 datasource to change, 3 unchanged (not sent).');

    expect((await cli('apply', '--file', file, '--author', 'ci')).code).toBe(1);
    const applied = await cli('apply', '--file', file, '--author', 'ci-bot', '--comment', 'from git');
    expect(applied).toMatchObject({ code: 0 });
    expect(applied.out).toContain('kttm1: saved');
    expect(applied.out).toContain('1 saved, 3 unchanged (not sent), 0 failed, 0 not sent.');
    expect((await allRules()).kttm1).toEqual(kttm);
    const [audit] = (await (await cluster.fetch(`${RULES}/kttm1/history?count=1`)).json()) as Array<{
      auditInfo: { author: string; comment: string };
    }>;
    expect(audit?.auditInfo).toMatchObject({ author: 'ci-bot', comment: 'from git' });
    expect(await historyCount('social_media')).toBe(socialHistory);
  });

  it('asks for --allow-drop before dropping served segments and --allow-default before changing _default', async () => {
    const before = await allRules();
    const file = join(dir, 'drop.json');
    writeFileSync(file, JSON.stringify({ kttm1: [{ type: 'dropForever' }] }));
    const refused = await cli('apply', '--file', file, '--author', 'ci', '--comment', 'drop');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--allow-drop');
    writeFileSync(
      file,
      JSON.stringify({ _default: [{ type: 'loadForever', tieredReplicants: { _default_tier: 3 } }] }),
    );
    const defaults = await cli('apply', '--file', file, '--author', 'ci', '--comment', 'defaults');
    expect(defaults.code).toBe(1);
    expect(defaults.err).toContain('--allow-default');
    expect(await allRules()).toEqual(before);
  });
});

describe('npm run rules against a secured cluster', () => {
  // Reads everything, writes only the wikipedia datasources.
  const editor = (action: string) => ({ type: 'DATASOURCE', name: action === 'READ' ? '.*' : 'wikipedia_.*', action });
  const AUTH = {
    users: {
      editor: {
        password: 'e',
        permissions: [editor('READ'), editor('WRITE'), { type: 'STATE', name: 'STATE', action: 'READ' }],
      },
    },
  };
  let secured: TestCluster;
  beforeAll(async () => {
    secured = await startTestCluster({ auth: AUTH });
  });
  afterAll(() => secured.stop());

  it("signs in from the environment, saves what it may and reports Druid's refusal for the rest", async () => {
    const file = join(dir, 'secured.json');
    const load = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
    writeFileSync(file, JSON.stringify({ kttm1: load, wikipedia_api: load }));
    const anonymous = await cliWith({}, secured, 'plan', '--file', file);
    expect(anonymous.code).toBe(1);
    expect(anonymous.err).toMatch(/401|Unauthorized/);

    const env = { DRUID_USER: 'editor', DRUID_PASSWORD: 'e' };
    const result = await cliWith(env, secured, 'apply', '--file', file, '--comment', 'from CI');
    expect(result.code).toBe(1);
    expect(result.out).toContain('wikipedia_api: saved');
    expect(result.out).toMatch(/kttm1: failed: 403: .+/);
    expect(result.out).toContain('1 saved, 0 unchanged (not sent), 1 failed, 0 not sent.');
  });
});
