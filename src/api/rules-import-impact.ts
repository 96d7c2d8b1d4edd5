/**
 * The retention impact of an import plan on the segments Druid serves, per datasource. A datasource is reached when
 * its own rules change, or when `_default` changes and its segments fall through to the defaults. As for the
 * `_default` editor (default-rules-reach.ts), `datasources?simple` tells most cases from each datasource's time
 * range; interval summaries are fetched (a few at a time) only for datasources whose own rules change or whose
 * segments straddle a rule edge.
 */
import { defaultsChains } from '../druid/default-rules-reach.ts';
import { computeEffectiveRetention, type RetentionSegmentColumns } from '../druid/effective-retention.ts';
import { computeRetentionChange, type RetentionChange } from '../druid/retention-change.ts';
import { type RangeGovernor, wholeRangeGovernor } from '../druid/rule-chain-range.ts';
import { DEFAULT_RULES_KEY, type Rule } from '../druid/rules.ts';
import type { RulesPlan } from './rules-import-plan.ts';
import type { RetentionIntervals } from './rules-segments.ts';
import type { UsedTotals } from './used-totals.ts';

export const IMPORT_IMPACT_CONCURRENCY = 4;

export interface ImportImpactEntry {
  name: string;
  /** Served segments and bytes of the datasource. */
  segments: number;
  bytes: number;
  change: RetentionChange;
  /** True when the file names this datasource; false when it is reached through `_default` only. */
  inFile: boolean;
}

export interface ImportImpact {
  /** Datasources whose served segments would be governed differently, most bytes newly dropped first. */
  entries: ImportImpactEntry[];
  /** Datasources whose stored rules cannot be read here: their fate is unknown. */
  unknown: string[];
}

export interface ImportImpactInput {
  plan: RulesPlan;
  /** Every datasource's stored rules (readable ones), `_default` included. */
  stored: Readonly<Record<string, { rules: Rule[]; error: string | null }>>;
  served: ReadonlyMap<string, UsedTotals>;
  fetchIntervals: (name: string) => Promise<RetentionIntervals>;
  now: number;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

type Rows = Required<RetentionSegmentColumns>;

function wholeRange(totals: UsedTotals): Rows {
  return {
    start: [totals.minTime as number],
    end: [totals.maxTime as number],
    count: [totals.count],
    size: [totals.size],
  };
}

interface Job {
  name: string;
  before: Rule[];
  after: Rule[];
  totals: UsedTotals;
  /** Rows known without a request (one row for the whole range), or null to fetch the interval summaries. */
  rows: Rows | null;
  inFile: boolean;
}

export async function computeImportImpact(input: ImportImpactInput): Promise<ImportImpact> {
  const { plan, stored, served, now } = input;
  const changed = new Map(plan.entries.filter((e) => e.status !== 'unchanged').map((e) => [e.name, e.after]));
  const defaultsBefore = stored[DEFAULT_RULES_KEY]?.rules ?? [];
  const defaultsAfter = changed.get(DEFAULT_RULES_KEY) ?? defaultsBefore;
  const defaultsChange = changed.has(DEFAULT_RULES_KEY);
  const jobs: Job[] = [];
  const unknown: string[] = [];
  // Chains are prepared once per distinct rule list: many datasources share one.
  const prepared = new Map<string, ReturnType<typeof defaultsChains>>();
  const chainOf = (own: readonly Rule[], before: readonly Rule[], after: readonly Rule[]) => {
    const key = JSON.stringify(own);
    let chains = prepared.get(key);
    if (!chains) {
      chains = defaultsChains(own, before, after, now);
      prepared.set(key, chains);
    }
    return chains;
  };
  const governors = new Map<string, RangeGovernor>();
  const governorOf = (own: readonly Rule[], defaults: readonly Rule[]) => {
    const key = JSON.stringify([own, defaults === defaultsBefore]);
    let governor = governors.get(key);
    if (!governor) {
      governor = wholeRangeGovernor(own, defaults, now);
      governors.set(key, governor);
    }
    return governor;
  };
  for (const [name, totals] of served) {
    if (totals.count === 0 || totals.minTime === null || totals.maxTime === null) continue;
    const ownAfter = changed.get(name);
    if (ownAfter === undefined && !defaultsChange) continue;
    const own = stored[name];
    if (own?.error) {
      unknown.push(name);
      continue;
    }
    const before = own?.rules ?? [];
    const range = { start: totals.minTime, end: totals.maxTime };
    if (ownAfter !== undefined) {
      // Each chain governing the whole range with one rule makes one row of the totals exact.
      const whole = governorOf(before, defaultsBefore)(range) && governorOf(ownAfter, defaultsAfter)(range);
      const rows = whole ? wholeRange(totals) : null;
      jobs.push({ name, before, after: ownAfter, totals, rows, inFile: true });
      continue;
    }
    // Only the defaults change for this one: its range alone often tells.
    const reach = chainOf(before, defaultsBefore, defaultsAfter).reach(range);
    if (reach.kind === 'never') continue;
    const rows = reach.kind === 'whole' ? wholeRange(totals) : null;
    jobs.push({ name, before, after: before, totals, rows, inFile: false });
  }

  const toFetch = jobs.filter((job) => job.rows === null);
  let done = 0;
  let next = 0;
  input.onProgress?.({ done, total: toFetch.length });
  const worker = async () => {
    while (next < toFetch.length) {
      input.signal?.throwIfAborted();
      const job = toFetch[next++] as Job;
      const intervals = await input.fetchIntervals(job.name);
      job.rows = { start: intervals.start, end: intervals.end, count: intervals.count, size: intervals.size };
      input.onProgress?.({ done: ++done, total: toFetch.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMPORT_IMPACT_CONCURRENCY, toFetch.length) }, worker));

  const entries: ImportImpactEntry[] = [];
  for (const job of jobs) {
    const rows = job.rows as Rows;
    const was = computeEffectiveRetention({ rules: job.before, defaultRules: defaultsBefore, segments: rows, now });
    const will = computeEffectiveRetention({ rules: job.after, defaultRules: defaultsAfter, segments: rows, now });
    const change = computeRetentionChange(was, will, rows.size, rows.count);
    if (change.changed.count === 0) continue;
    entries.push({ name: job.name, segments: job.totals.count, bytes: job.totals.size, change, inFile: job.inFile });
  }
  entries.sort(
    (a, b) =>
      b.change.newlyDropped.bytes - a.change.newlyDropped.bytes ||
      b.change.changed.bytes - a.change.changed.bytes ||
      a.name.localeCompare(b.name),
  );
  return { entries, unknown: unknown.sort() };
}

/** True when applying would drop segments Druid serves now. */
export function dropsServedData(impact: ImportImpact): boolean {
  return impact.entries.some((entry) => entry.change.newlyDropped.count > 0);
}
