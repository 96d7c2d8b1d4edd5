import { formatInstant } from '../../src/druid/instant.ts';
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
import { type DutyGroup, presentGroups, replicationWriter } from './duty-groups.ts';
import { moveGroups } from './group-marking.ts';
import { assignAfterDuty } from './historicals.ts';
import { getAllRules } from './rules-store.ts';
import { type Span, widen } from './segment-groups.ts';
import { bumpSegmentsGeneration, dataSourceNames, segmentsGeneration } from './segment-store.ts';

export interface DutyReport {
  overshadowedMarkedUnused: number;
  droppedByRules: number;
  unmatched: number;
}

/** The duty gives the event loop back after this long, so requests are served while it walks 10,000 datasources. */
const SLICE_MS = 20;
/** Groups written per transaction: a few thousand segment rows, tens of milliseconds. */
const CHUNK_GROUPS = 256;

interface Action {
  group: DutyGroup;
  unused: boolean;
  replicas: number | null;
}

/** Per datasource, what the last run saw: an unchanged datasource with unchanged, time-independent rules is skipped. */
const lastSeen = new WeakMap<ClusterContext, Map<string, string>>();
const running = new WeakMap<ClusterContext, Promise<DutyReport>>();

function rulesOf(all: Record<string, unknown[]>, dataSource: string): Rule[] {
  const parsed = parseRules(all[dataSource] ?? []);
  return parsed.ok ? parsed.rules : [];
}

/**
 * One run of the Coordinator duties that touch the metadata store: MarkOvershadowedSegmentsAsUnused, then RunRules
 * (the first matching rule of the datasource's rules followed by `_default`; a drop rule marks the segment unused, a
 * load rule sets its replication factor). Both decide per (interval, version) group, as every segment of a group
 * gets the same answer; runs never overlap.
 */
export function runCoordinatorDuty(ctx: ClusterContext): Promise<DutyReport> {
  const previous = running.get(ctx) ?? Promise.resolve(null);
  const run = previous.catch(() => null).then(() => runOnce(ctx));
  running.set(ctx, run);
  return run;
}

async function runOnce(ctx: ClusterContext): Promise<DutyReport> {
  const { db } = ctx;
  const now = ctx.now();
  const report: DutyReport = { overshadowedMarkedUnused: 0, droppedByRules: 0, unmatched: 0 };
  const allRules = getAllRules(db);
  const defaultRules = rulesOf(allRules, DEFAULT_RULES_KEY);
  const broadcastReplicas = ctx.config.tiers.reduce((sum, tier) => sum + tier.servers.length, 0);
  const seen = lastSeen.get(ctx) ?? new Map<string, string>();
  lastSeen.set(ctx, seen);
  const applyReplication = replicationWriter(db);
  let sliceStart = Date.now();
  for (const dataSource of dataSourceNames(db, false)) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
    const rules = rulesOf(allRules, dataSource);
    // Period rules move with the clock, so a datasource that has any is never skipped.
    const timeless = ![...rules, ...defaultRules].some((rule) => rule.type.endsWith('ByPeriod'));
    const key = JSON.stringify([allRules[dataSource] ?? null, allRules[DEFAULT_RULES_KEY] ?? null]);
    if (timeless && seen.get(dataSource) === `${segmentsGeneration(db, dataSource)}|${key}`) continue;
    const actions: Action[] = [];
    for (const group of presentGroups(db, dataSource)) {
      if (group.overshadowed) {
        report.overshadowedMarkedUnused += group.used_count;
        actions.push({ group, unused: true, replicas: null });
        continue;
      }
      const match = findMatchingRule(rules, defaultRules, group, now);
      if (match && isDropRule(match.rule)) {
        report.droppedByRules += group.used_count;
        actions.push({ group, unused: true, replicas: null });
        continue;
      }
      if (!match) report.unmatched += group.used_count;
      const replicas = !match ? null : isLoadRule(match.rule) ? totalReplicas(match.rule) : broadcastReplicas;
      // Only groups whose segments do not all have this factor yet are written, so a steady duty writes nothing.
      if ((replicas ?? -1) !== group.replication) actions.push({ group, unused: false, replicas });
    }
    // The first run over a freshly generated 1M-segment datasource rewrites every used row: in short transactions,
    // giving the event loop back between them, instead of one transaction that blocks the server for seconds.
    for (let from = 0; from < actions.length; from += CHUNK_GROUPS) {
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      const chunk = actions.slice(from, from + CHUNK_GROUPS);
      let span: Span | null = null;
      db.transaction(() => {
        const unused = chunk.filter((action) => action.unused).map((action) => action.group);
        span = moveGroups(db, dataSource, { groups: unused }, 'unused', formatInstant(now)).span;
        for (const { group, replicas } of chunk.filter((action) => !action.unused)) {
          applyReplication(dataSource, group, replicas);
          span = widen(span, group);
        }
      })();
      bumpSegmentsGeneration(db, dataSource, span);
    }
    seen.set(dataSource, `${segmentsGeneration(db, dataSource)}|${key}`);
  }
  // Then the historicals are asked to load and drop what the rules now assign them (with --load-rate, in queues).
  assignAfterDuty(ctx);
  return report;
}

/** Runs the duty every `coordinatorPeriodMs`; returns a stop function. */
export function scheduleCoordinatorDuty(ctx: ClusterContext, onError: (error: unknown) => void): () => void {
  if (ctx.config.coordinatorPeriodMs <= 0) return () => {};
  const timer = setInterval(() => {
    runCoordinatorDuty(ctx).catch(onError);
  }, ctx.config.coordinatorPeriodMs);
  timer.unref();
  return () => clearInterval(timer);
}
