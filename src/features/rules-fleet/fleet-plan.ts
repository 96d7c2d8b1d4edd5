/** The review of a fleet change: which datasources change, and what each change does to their served segments. */
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import { canonicalJson } from '../../components/rules-diff/rules-diff.ts';
import { applyFleetEdit, type FleetEdit } from '../../druid/fleet-edits.ts';
import {
  computeFleetDataSourceImpact,
  type FleetDataSourceImpact,
  type FleetImpactPlan,
  type FleetTarget,
  type ServedSummary,
  wholeRangeRows,
} from '../../druid/fleet-impact.ts';
import { addRetentionChange, emptyRetentionChange, type RetentionChange } from '../../druid/retention-change.ts';
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
  /** Datasources with a lint of severity error. */
  withErrors: number;
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
  const needsIntervals = new Set(plan.intervals);
  const total = emptyRetentionChange();
  let losingData = 0;
  let withErrors = 0;
  const impacts = targets.map((target) => {
    const rows =
      (needsIntervals.has(target.name) && intervalsOf(target.name)) || wholeRangeRows(served.get(target.name));
    const impact = computeFleetDataSourceImpact(target, rows, defaults, now, tiers);
    addRetentionChange(total, impact.change);
    if (impact.losesData) losingData++;
    if (impact.lints.some((lint) => lint.severity === 'error')) withErrors++;
    return impact;
  });
  impacts.sort((a, b) => Number(b.losesData) - Number(a.losesData) || a.name.localeCompare(b.name));
  return { impacts, total, losingData, withErrors };
}
