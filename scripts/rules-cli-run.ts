/**
 * `npm run rules -- export|plan|apply`: the console's rules-as-code from a terminal, through the same src/api and
 * src/druid code (plain fetch, no React). Returns the exit code: 0 done, 1 failed or refused, 2 `plan --exit-code`
 * found changes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { setClientTarget } from '../src/api/client-target.ts';
import { formatRulesFileText, parseRulesFileText, rulesFileFormat } from '../src/api/rules-file-text.ts';
import { loadImportPlan } from '../src/api/rules-import.ts';
import { applyRulesPlan } from '../src/api/rules-import-apply.ts';
import { dropsServedData } from '../src/api/rules-import-impact.ts';
import { changedEntries } from '../src/api/rules-import-plan.ts';
import { planDocument, planText, summaryText } from '../src/api/rules-plan-report.ts';
import { fetchRawRules } from '../src/api/rules-raw.ts';
import { DEFAULT_RULES_KEY } from '../src/druid/rules.ts';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => number;
}

export const USAGE = `Usage: npm run rules -- <command> --router URL [options]
  export --file F             write the cluster's rules (GET /druid/coordinator/v1/rules) to F (stdout without --file)
                              F ending in .yaml or .yml is read and written as YAML, anything else as JSON
  plan   --file F             what importing F would change, per datasource, and its effect on served segments
         --exit-code          exit 2 when the plan has changes
         --json               print the plan as JSON
  apply  --file F --comment C [--author A]
         --allow-drop         required when the plan drops segments Druid serves now
         --allow-default      required when the plan changes the cluster's _default rules
Environment: DRUID_ROUTER_URL (for --router), DRUID_TOKEN (Bearer) or DRUID_USER and DRUID_PASSWORD (Basic).
Exit codes: 0 done, 1 failed or refused, 2 plan has changes (with --exit-code).
`;

function authorization(env: CliIo['env']): string | null {
  if (env.DRUID_TOKEN) return `Bearer ${env.DRUID_TOKEN}`;
  if (env.DRUID_USER) return `Basic ${Buffer.from(`${env.DRUID_USER}:${env.DRUID_PASSWORD ?? ''}`).toString('base64')}`;
  return null;
}

export async function runRulesCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const router = values.router ?? io.env.DRUID_ROUTER_URL;
  if (!command || !['export', 'plan', 'apply'].includes(command) || !router) {
    io.err(`${!router ? 'Say which Router: --router URL.\n' : ''}${USAGE}`);
    return 1;
  }
  setClientTarget({ baseUrl: router, authorization: authorization(io.env) });
  try {
    if (command === 'export') {
      const text = await formatRulesFileText(await fetchRawRules(), rulesFileFormat(values.file ?? '.json'));
      if (values.file) await writeFile(values.file, text);
      else io.out(text);
      return 0;
    }
    if (!values.file) {
      io.err(`${command} needs --file F.\n`);
      return 1;
    }
    const file = await parseRulesFileText(values.file, await readFile(values.file, 'utf8'));
    if (!file.ok) {
      io.err(`${values.file} was refused; nothing was applied:\n${file.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 1;
    }
    const { plan, impact } = await loadImportPlan(file.rules, { now: io.now?.() ?? Date.now() });
    io.out(values.json ? `${JSON.stringify(planDocument(plan, impact), null, 2)}\n` : planText(plan, impact));
    const changes = changedEntries(plan);
    if (command === 'plan') return values['exit-code'] && changes.length > 0 ? 2 : 0;

    const author = values.author ?? io.env.DRUID_USER;
    const comment = values.comment?.trim();
    if (!author?.trim() || !comment) {
      io.err('apply needs --comment "why" and an author (--author, or DRUID_USER). Nothing was applied.\n');
      return 1;
    }
    if (dropsServedData(impact) && !values['allow-drop']) {
      io.err('The plan drops segments Druid serves now; add --allow-drop to apply it. Nothing was applied.\n');
      return 1;
    }
    if (changes.some((e) => e.name === DEFAULT_RULES_KEY) && !values['allow-default']) {
      io.err('The plan changes the _default rules; add --allow-default to apply it. Nothing was applied.\n');
      return 1;
    }
    const summary = await applyRulesPlan(plan.entries, { author: author.trim(), comment });
    io.out(summaryText(summary));
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      router: { type: 'string' },
      file: { type: 'string' },
      author: { type: 'string' },
      comment: { type: 'string' },
      json: { type: 'boolean' },
      'exit-code': { type: 'boolean' },
      'allow-drop': { type: 'boolean' },
      'allow-default': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
