import {
  DEFAULT_RULES_KEY,
  findMatchingRule,
  isDropRule,
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
      .prepare<[string], { id: string; start_ms: number; end_ms: number; replication_factor: number | null }>(
        'SELECT id, start_ms, end_ms, replication_factor FROM druid_segments WHERE dataSource = ? AND used = 1',
      )
      .all(dataSource);
    db.transaction(() => {
      for (const row of rows) {
        if (overshadowed.has(row.id)) {
          report.overshadowedMarkedUnused += markOneUnusedUnchecked(db, row.id, now);
          continue;
        }
        const match = findMatchingRule(rules, defaultRules, { start: row.start_ms, end: row.end_ms }, now);
        if (match && isDropRule(match.rule)) {
          report.droppedByRules += markOneUnusedUnchecked(db, row.id, now);
          continue;
        }
        if (!match) report.unmatched++;
        const replication = !match ? null : isLoadRule(match.rule) ? totalReplicas(match.rule) : broadcastReplicas;
        // Only changed rows are written, so a steady cluster's duty is a read of the used segments.
        if (replication !== row.replication_factor) setReplication.run(replication, row.id);
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
