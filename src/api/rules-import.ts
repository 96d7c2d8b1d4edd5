/**
 * From a validated rules file to a plan with its impact, reading what the cluster holds now: all rules and
 * `datasources?simple` (two requests), then interval summaries only where needed. Shared by the console and the
 * terminal command.
 */
import type { RulesByDataSource } from '../druid/rules-file.ts';
import { fetchIntervalSummaries } from './interval-summaries.ts';
import { fetchAllRules } from './rules.ts';
import { computeImportImpact, type ImportImpact } from './rules-import-impact.ts';
import { planRulesImport, type RulesPlan } from './rules-import-plan.ts';
import { type RetentionIntervals, toRetentionIntervals } from './rules-segments.ts';
import { fetchUsedTotals } from './used-totals.ts';

export interface LoadedPlan {
  plan: RulesPlan;
  impact: ImportImpact;
}

export interface LoadPlanOptions {
  now: number;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Interval summaries of one datasource; the console answers them from its query cache. */
  fetchIntervals?: (name: string) => Promise<RetentionIntervals>;
}

export async function loadImportPlan(file: RulesByDataSource, options: LoadPlanOptions): Promise<LoadedPlan> {
  const { signal } = options;
  const [stored, served] = await Promise.all([fetchAllRules(signal), fetchUsedTotals(signal)]);
  const plan = planRulesImport(stored, file);
  const fetchIntervals =
    options.fetchIntervals ??
    (async (name: string) => toRetentionIntervals(await fetchIntervalSummaries(name, signal)));
  const impact = await computeImportImpact({
    plan,
    stored,
    served,
    fetchIntervals,
    now: options.now,
    signal,
    onProgress: options.onProgress,
  });
  return { plan, impact };
}
