/**
 * What importing a rules file would do: per datasource in the file, its rules now and in the file with a semantic
 * diff. Datasources the file does not name are left as they are (a file can hold one datasource); `[]` in the file
 * removes a datasource's own rules. Pure, so the console and the terminal command plan alike.
 */
import { canonicalJson, diffRules, type RulesDiff } from '../components/rules-diff/rules-diff.ts';
import { DEFAULT_RULES_KEY, type Rule } from '../druid/rules.ts';
import type { RulesByDataSource } from '../druid/rules-file.ts';
import type { RuleListResult } from './rules.ts';

export type PlanStatus = 'create' | 'update' | 'unchanged';

export interface PlanEntry {
  name: string;
  /** `create`: the cluster holds no rules for it; `update`: different rules; `unchanged`: never posted. */
  status: PlanStatus;
  /** The rules stored now ([] when none); empty when unreadable. */
  before: Rule[];
  /** Why the stored rules cannot be read here (a newer Druid's rule type, say), or null. */
  beforeError: string | null;
  after: Rule[];
  diff: RulesDiff;
}

export interface RulesPlan {
  /** `_default` first, then by name. */
  entries: PlanEntry[];
  /** Datasources with stored rules that the file does not name: left as they are. */
  notInFile: string[];
}

function sameList(a: readonly Rule[], b: readonly Rule[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function byPlanOrder(a: string, b: string): number {
  return a === DEFAULT_RULES_KEY ? -1 : b === DEFAULT_RULES_KEY ? 1 : a.localeCompare(b);
}

export function planRulesImport(current: Readonly<Record<string, RuleListResult>>, file: RulesByDataSource): RulesPlan {
  const entries = Object.keys(file)
    .sort(byPlanOrder)
    .map((name): PlanEntry => {
      const after = file[name] as Rule[];
      const stored = current[name];
      const before = stored?.rules ?? [];
      const beforeError = stored?.error ?? null;
      const status: PlanStatus =
        stored === undefined
          ? after.length === 0
            ? 'unchanged'
            : 'create'
          : beforeError !== null || !sameList(before, after)
            ? 'update'
            : 'unchanged';
      return { name, status, before, beforeError, after, diff: diffRules(before, after) };
    });
  const notInFile = Object.keys(current)
    .filter((name) => !(name in file))
    .sort(byPlanOrder);
  return { entries, notInFile };
}

/** The entries that would be posted. */
export function changedEntries(plan: RulesPlan): PlanEntry[] {
  return plan.entries.filter((entry) => entry.status !== 'unchanged');
}
