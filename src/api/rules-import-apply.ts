/**
 * Applying an import plan: one `POST /rules/{ds}` per selected datasource that changes, one after the other, each
 * with the same audit author and comment. As the editor does, each datasource's rules are read again just before
 * its POST: if someone changed them since the plan was made, that datasource is not sent (the plan no longer
 * says what the POST would do). A failure does not stop the run; the summary says exactly what happened to each.
 */
import { canonicalJson } from '../components/rules-diff/rules-diff.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { fetchRulesOf, type RuleListResult, type SaveRulesInput, saveRules } from './rules.ts';
import type { PlanEntry } from './rules-import-plan.ts';

export type ApplyOutcome =
  | { name: string; result: 'saved' }
  | { name: string; result: 'unchanged' }
  | { name: string; result: 'failed'; message: string }
  | { name: string; result: 'not-sent' };

export interface ApplySummary {
  outcomes: ApplyOutcome[];
  saved: number;
  unchanged: number;
  failed: number;
  notSent: number;
}

export interface ApplyOptions {
  author: string;
  comment: string;
  /** Names to post among the plan's changed entries; every changed entry when absent. */
  selected?: ReadonlySet<string>;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** The requests; saveRules and fetchRulesOf unless a test replaces them. */
  save?: (input: SaveRulesInput) => Promise<void>;
  read?: (dataSource: string) => Promise<RuleListResult>;
}

export const CHANGED_MEANWHILE = 'not sent: its rules changed in Druid since the plan was made; plan again.';

/** True when the stored rules are still those the plan was made from. */
function unchangedSincePlan(entry: PlanEntry, now: RuleListResult): boolean {
  if (entry.beforeError !== null) return now.error === entry.beforeError;
  return now.error === null && canonicalJson(now.rules) === canonicalJson(entry.before);
}

export function summarize(outcomes: ApplyOutcome[]): ApplySummary {
  const count = (result: ApplyOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  return {
    outcomes,
    saved: count('saved'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    notSent: count('not-sent'),
  };
}

function messageOf(error: unknown): string {
  if (isDruidApiError(error)) return error.status ? `${error.status}: ${error.message}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

export async function applyRulesPlan(entries: readonly PlanEntry[], options: ApplyOptions): Promise<ApplySummary> {
  const save = options.save ?? saveRules;
  const read = options.read ?? ((name: string) => fetchRulesOf(name, options.signal));
  const toSend = entries.filter(
    (entry) => entry.status !== 'unchanged' && (options.selected === undefined || options.selected.has(entry.name)),
  );
  const outcomes: ApplyOutcome[] = [];
  for (const entry of entries)
    if (entry.status === 'unchanged') outcomes.push({ name: entry.name, result: 'unchanged' });
    else if (!toSend.includes(entry)) outcomes.push({ name: entry.name, result: 'not-sent' });
  let done = 0;
  options.onProgress?.({ done, total: toSend.length });
  for (const entry of toSend) {
    if (options.signal?.aborted) {
      outcomes.push({ name: entry.name, result: 'not-sent' });
      continue;
    }
    try {
      if (!unchangedSincePlan(entry, await read(entry.name))) {
        outcomes.push({ name: entry.name, result: 'failed', message: CHANGED_MEANWHILE });
        options.onProgress?.({ done: ++done, total: toSend.length });
        continue;
      }
      await save({ dataSource: entry.name, rules: entry.after, author: options.author, comment: options.comment });
      outcomes.push({ name: entry.name, result: 'saved' });
    } catch (error) {
      outcomes.push({ name: entry.name, result: 'failed', message: messageOf(error) });
    }
    options.onProgress?.({ done: ++done, total: toSend.length });
  }
  const order = new Map(entries.map((entry, index) => [entry.name, index]));
  outcomes.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return summarize(outcomes);
}
