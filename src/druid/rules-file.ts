/**
 * A rules file: the whole cluster's rules in the shape of `GET /druid/coordinator/v1/rules` (datasource → rule list,
 * `_default` included). Every problem is reported with its datasource and rule position, all of them at once, so a
 * file is fixed in one go; a file with any problem is refused whole.
 */
import { jsonErrorOffset } from './json-error-offset.ts';
import { parseRule } from './rule-parsing.ts';
import { DEFAULT_RULES_KEY, type Rule } from './rule-schemas.ts';

export type RulesByDataSource = Record<string, Rule[]>;

export type RulesFileResult = { ok: true; rules: RulesByDataSource } | { ok: false; errors: string[] };

/** "line 3, column 7" of a 0-based character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Where the JSON goes wrong, by line and column, and what is there. */
function syntaxProblem(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === null) return 'The file is not valid JSON.';
  const found = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text.charAt(offset))}`;
  return `The file is not valid JSON (${lineAndColumn(text, offset)}): ${found}.`;
}

/** Druid's messages, reworded for a file: "kttm1, rule 2 (loadByPeriod): period "P1X" is not …". */
function ruleProblem(dataSource: string, message: string): string {
  return `${dataSource}, ${message.replace(/^Rule /, 'rule ')}`;
}

/** Validates the parsed JSON of a rules file. */
export function readRulesFile(json: unknown): RulesFileResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return {
      ok: false,
      errors: ['The file must be a JSON object mapping each datasource (and "_default") to its list of rules.'],
    };
  const errors: string[] = [];
  const rules: RulesByDataSource = {};
  for (const [dataSource, list] of Object.entries(json as Record<string, unknown>)) {
    if (dataSource.trim() === '') {
      errors.push('A datasource name is empty.');
      continue;
    }
    if (!Array.isArray(list)) {
      errors.push(`${dataSource}: the rules must be a list (use [] for no rules of its own).`);
      continue;
    }
    if (dataSource === DEFAULT_RULES_KEY && list.length === 0) {
      errors.push(`${DEFAULT_RULES_KEY}: cluster-level rules cannot be empty.`);
      continue;
    }
    const parsed: Rule[] = [];
    list.forEach((item, index) => {
      const result = parseRule(item, index + 1);
      if (result.ok) parsed.push(result.rule);
      else errors.push(ruleProblem(dataSource, result.error));
    });
    rules[dataSource] = parsed;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

/** Parses and validates the text of a rules file. */
export function parseRulesFile(text: string): RulesFileResult {
  if (text.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [syntaxProblem(text)] };
  }
  return readRulesFile(json);
}

/** The file's text: what `GET /rules` answers, names sorted with `_default` first, two-space indented. */
export function formatRulesFile(rules: Readonly<Record<string, readonly unknown[]>>): string {
  const names = Object.keys(rules).sort((a, b) =>
    a === DEFAULT_RULES_KEY ? -1 : b === DEFAULT_RULES_KEY ? 1 : a.localeCompare(b),
  );
  return `${JSON.stringify(Object.fromEntries(names.map((name) => [name, rules[name]])), null, 2)}\n`;
}
