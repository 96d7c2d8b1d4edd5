import {
  DEFAULT_RULES_KEY,
  findMatchingRule,
  isLoadRule,
  parseRules,
  type Rule,
  totalReplicas,
} from '../../src/druid/rules.ts';
import type { ClusterContext } from './context.ts';
import { getRules } from './rules-store.ts';
import { markOneUnusedUnchecked } from './segment-marking.ts';
import { dataSourceNames, overshadowedIds } from './segment-store.ts';

export interface DutyReport {
  overshadowedMarkedUnused: number;
  droppedByRules: number;
  unmatched: number;
}

function currentRules(ctx: ClusterContext, dataSource: string): Rule[] {
  const parsed = parseRules(getRules(ctx.db, dataSource));
  return parsed.ok ? parsed.rules : [];
}

/**
 * One run of the Coordinator duties that touch the metadata store: MarkOvershadowedSegmentsAsUnused, then RunRules
 * (the first matching rule of the datasource's rules followed by `_default`; a drop rule marks the segment unused, a
 * load rule sets its replication factor).
 */
export function runCoordinatorDuty(ctx: ClusterContext): DutyReport {
  const { db } = ctx;
  const now = ctx.now();
  const report: DutyReport = { overshadowedMarkedUnused: 0, droppedByRules: 0, unmatched: 0 };
  const defaultRules = currentRules(ctx, DEFAULT_RULES_KEY);
  const broadcastReplicas = ctx.config.tiers.reduce((sum, tier) => sum + tier.servers.length, 0);
  const setReplication = db.prepare('UPDATE druid_segments SET replication_factor = ? WHERE id = ?');

  for (const dataSource of dataSourceNames(db, false)) {
    const overshadowed = overshadowedIds(db, dataSource);
    const rules = currentRules(ctx, dataSource);
    const rows = db
      .prepare<[string], { id: string; start_ms: number; end_ms: number }>(
        'SELECT id, start_ms, end_ms FROM druid_segments WHERE dataSource = ? AND used = 1',
      )
      .all(dataSource);
    db.transaction(() => {
      for (const row of rows) {
        if (overshadowed.has(row.id)) {
          report.overshadowedMarkedUnused += markOneUnusedUnchecked(db, row.id, now);
          continue;
        }
        const match = findMatchingRule(rules, defaultRules, { start: row.start_ms, end: row.end_ms }, now);
        if (!match) {
          report.unmatched++;
          setReplication.run(null, row.id);
        } else if (isLoadRule(match.rule)) {
          setReplication.run(totalReplicas(match.rule), row.id);
        } else if (match.rule.type.startsWith('broadcast')) {
          setReplication.run(broadcastReplicas, row.id);
        } else {
          report.droppedByRules += markOneUnusedUnchecked(db, row.id, now);
        }
      }
    })();
  }
  return report;
}

/** Runs the duty every `coordinatorPeriodMs`; returns a stop function. */
export function scheduleCoordinatorDuty(ctx: ClusterContext, onError: (error: unknown) => void): () => void {
  if (ctx.config.coordinatorPeriodMs <= 0) return () => {};
  const timer = setInterval(() => {
    try {
      runCoordinatorDuty(ctx);
    } catch (error) {
      onError(error);
    }
  }, ctx.config.coordinatorPeriodMs);
  timer.unref();
  return () => clearInterval(timer);
}
