/** The review of a fleet change: which datasources change, and what each change does to their served segments. */
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import { canonicalJson } from '../../components/rules-diff/rules-diff.ts';
import { applyFleetEdit, type FleetEdit } from '../../druid/fleet-edits.ts';
import {
  computeFleetDataSourceImpact,
  computeWholeRangeImpact,
  type FleetDataSourceImpact,
  type FleetImpactPlan,
  type FleetTarget,
  fleetLints,
  type ServedSummary,
  wholeRangeRows,
} from '../../druid/fleet-impact.ts';
import { addRetentionChange, emptyRetentionChange, type RetentionChange } from '../../druid/retention-change.ts';
import { lintRules, type RuleLint } from '../../druid/rule-lints.ts';
import type { Rule } from '../../druid/rules.ts';
import type { FleetRow } from './fleet-selection.ts';

export interface FleetTargets {
  /** Datasources whose rules the edit changes, in name order. */
  changed: FleetTarget[];
  /** Selected datasources the edit leaves as they are: never sent. */
  unchanged: string[];
}

export function fleetTargets(rows: readonly FleetRow[], selected: ReadonlySet<string>, edit: FleetEdit): FleetTargets {
  const result: FleetTargets = { changed: [], unchanged: [] };
  for (const row of rows) {
    if (!selected.has(row.name) || row.error !== null) continue;
    const after = applyFleetEdit(row.rules, edit);
    if (canonicalJson(after) === canonicalJson(row.rules)) result.unchanged.push(row.name);
    else result.changed.push({ name: row.name, before: row.rules, after });
  }
  return result;
}

export interface FleetReview {
  /** Losing data first, then by name. */
  impacts: FleetDataSourceImpact[];
  total: RetentionChange;
  losingData: number;
  /** Datasources whose new rules have a lint of severity error (checked once per distinct list). */
  withErrors: number;
  /** Names of those datasources. */
  hasErrors: ReadonlySet<string>;
  /** Every lint of one datasource's new rules over its segments, computed when asked (one datasource at a time). */
  lintsOf: (name: string) => RuleLint[];
}

export function reviewFleet(
  targets: readonly FleetTarget[],
  plan: FleetImpactPlan,
  served: ReadonlyMap<string, ServedSummary>,
  intervalsOf: (name: string) => RetentionIntervals | undefined,
  defaults: readonly Rule[],
  now: number,
  tiers?: readonly string[],
): FleetReview {
  const byName = new Map(targets.map((target) => [target.name, target]));
  const rowsOf = (name: string) => intervalsOf(name) ?? wholeRangeRows(served.get(name));
  const impacts: FleetDataSourceImpact[] = [];
  for (const whole of plan.whole) {
    const summary = served.get(whole.name);
    if (summary) impacts.push(computeWholeRangeImpact(whole, summary));
  }
  for (const name of [...plan.intervals, ...plan.empty]) {
    const target = byName.get(name);
    if (target) impacts.push(computeFleetDataSourceImpact(target, rowsOf(name), defaults, now));
  }
  const total = emptyRetentionChange();
  let losingData = 0;
  for (const impact of impacts) {
    addRetentionChange(total, impact.change);
    if (impact.losesData) losingData++;
  }
  // Errors (an invalid period, say) depend on the list alone: lint each distinct list once.
  const errorsOfList = new Map<string, boolean>();
  const hasErrors = new Set<string>();
  for (const target of targets) {
    const key = JSON.stringify(target.after);
    let errors = errorsOfList.get(key);
    if (errors === undefined) {
      errors = lintRules({ rules: target.after, defaultRules: defaults, now, tiers }).some(
        (l) => l.severity === 'error',
      );
      errorsOfList.set(key, errors);
    }
    if (errors) hasErrors.add(target.name);
  }
  impacts.sort((a, b) => Number(b.losesData) - Number(a.losesData) || a.name.localeCompare(b.name));
  const lintsOf = (name: string) => {
    const target = byName.get(name);
    return target ? fleetLints(target, rowsOf(name), defaults, now, tiers) : [];
  };
  return { impacts, total, losingData, withErrors: hasErrors.size, hasErrors, lintsOf };
}
