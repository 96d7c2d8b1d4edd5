import { DEFAULT_RULES_KEY, type Rule } from '../../src/druid/rules.ts';
import type { ClusterContext } from './context.ts';
import { parsedRulesOf, type TargetGroup, targetsOf } from './historical-targets.ts';
import { getAllRules } from './rules-store.ts';
import { dataSourceNames, segmentsGeneration } from './segment-store.ts';

/**
 * The historicals of the local cluster: what each holds and its load and drop queues, as the Coordinator's
 * LoadQueuePeons see them. With no load rate (the default, and tests) a historical holds at once what the rules
 * assign it, and reads catch up with every write; with `--load-rate N` the coordinator duty queues the difference and
 * each historical works through its queue at N segments a second, drops first (they free space), newest intervals
 * first, as Druid's HttpLoadQueuePeon orders them. The queues drain as the clock moves, read lazily: no timer.
 */
export interface QueueItem {
  dataSource: string;
  action: 'load' | 'drop';
  group: TargetGroup;
  /** Segments of the group still to load or drop, and their size. */
  count: number;
  size: number;
}

export interface Historical {
  host: string;
  tier: string;
  maxSize: number;
  /** Per datasource, per group key: the segments held (count and size of a prefix of the group). */
  held: Map<string, Map<string, TargetGroup>>;
  queue: QueueItem[];
  /** Fractional segments of work carried between reads. */
  budget: number;
}

interface Fleet {
  servers: Historical[];
  /** Per datasource, the generation and rules it was last assigned from. */
  seen: Map<string, string>;
  /**
   * Per datasource, the rules and time of its last assignment: Druid's replication status (loadstatus?full) is
   * computed by the Coordinator's run, so until the next run it still counts what the previous rules required.
   */
  assignedRules: Map<string, AssignedRules>;
  clock: number;
}

export interface AssignedRules {
  rules: Rule[];
  defaults: Rule[];
  at: number;
}

const fleets = new WeakMap<ClusterContext, Fleet>();

function loadRateOf(ctx: ClusterContext): number | null {
  const rate = ctx.config.loadRate ?? 0;
  return rate > 0 ? rate : null;
}

function fleetOf(ctx: ClusterContext): Fleet {
  let fleet = fleets.get(ctx);
  if (!fleet) {
    const servers = ctx.config.tiers.flatMap((tier) =>
      tier.servers.map((s) => ({
        host: s.host,
        tier: tier.name,
        maxSize: s.maxSize,
        held: new Map(),
        queue: [],
        budget: 0,
      })),
    );
    fleet = { servers, seen: new Map(), assignedRules: new Map(), clock: ctx.now() };
    fleets.set(ctx, fleet);
  }
  return fleet;
}

function keyOf(ctx: ClusterContext, rules: Record<string, unknown[]>, dataSource: string): string {
  const ruleText = JSON.stringify([rules[dataSource] ?? null, rules[DEFAULT_RULES_KEY] ?? null]);
  return `${segmentsGeneration(ctx.db, dataSource)}|${ruleText}`;
}

const portion = (group: TargetGroup, count: number): TargetGroup => ({
  ...group,
  count,
  size: group.count === 0 ? 0 : Math.round((group.size * count) / group.count),
});

/** Assigns one datasource's groups again: at once, or as queue items for the difference. */
function assign(
  ctx: ClusterContext,
  fleet: Fleet,
  dataSource: string,
  instant: boolean,
  [key, rules]: [string, Record<string, unknown[]>],
): void {
  const targets = targetsOf(ctx.db, ctx.config.tiers, dataSource, ctx.now(), rules);
  for (const server of fleet.servers) {
    const wanted = targets.get(server.host) ?? new Map<string, TargetGroup>();
    server.queue = server.queue.filter((item) => item.dataSource !== dataSource);
    if (instant) {
      if (wanted.size > 0) server.held.set(dataSource, new Map(wanted));
      else server.held.delete(dataSource);
      continue;
    }
    const held = server.held.get(dataSource) ?? new Map<string, TargetGroup>();
    for (const group of wanted.values()) {
      const missing = group.count - (held.get(group.key)?.count ?? 0);
      if (missing > 0) server.queue.push({ dataSource, action: 'load', group, ...sizes(portion(group, missing)) });
    }
    for (const group of held.values()) {
      const extra = group.count - (wanted.get(group.key)?.count ?? 0);
      if (extra > 0) server.queue.push({ dataSource, action: 'drop', group, ...sizes(portion(group, extra)) });
    }
    server.queue.sort((a, b) => (a.action === b.action ? b.group.start - a.group.start : a.action === 'drop' ? -1 : 1));
  }
  fleet.seen.set(dataSource, key);
  const assigned = { rules: parsedRulesOf(rules[dataSource]), defaults: parsedRulesOf(rules[DEFAULT_RULES_KEY]) };
  fleet.assignedRules.set(dataSource, { ...assigned, at: ctx.now() });
}

const sizes = (group: TargetGroup) => ({ count: group.count, size: group.size });

/** Works through each queue for the time passed since the last read. */
function advance(ctx: ClusterContext, fleet: Fleet): void {
  const rate = loadRateOf(ctx);
  const now = ctx.now();
  const elapsed = Math.max(0, now - fleet.clock);
  fleet.clock = now;
  if (rate === null) return;
  for (const server of fleet.servers) {
    if (server.queue.length === 0) {
      server.budget = 0;
      continue;
    }
    server.budget += (elapsed * rate) / 1000;
    while (server.budget >= 1 && server.queue.length > 0) {
      const item = server.queue[0] as QueueItem;
      const step = Math.min(Math.floor(server.budget), item.count);
      server.budget -= step;
      const held = server.held.get(item.dataSource) ?? new Map<string, TargetGroup>();
      server.held.set(item.dataSource, held);
      const have = held.get(item.group.key)?.count ?? 0;
      const next = item.action === 'load' ? have + step : have - step;
      if (next > 0) held.set(item.group.key, portion(item.group, next));
      else held.delete(item.group.key);
      if (held.size === 0) server.held.delete(item.dataSource);
      item.count -= step;
      item.size = portion(item.group, item.count).size;
      if (item.count === 0) server.queue.shift();
    }
    if (server.queue.length === 0) server.budget = 0;
  }
}

/** Datasources the rules or the store may have changed since they were assigned: used ones and those still held. */
function candidates(fleet: Fleet, ctx: ClusterContext): Set<string> {
  const names = new Set(dataSourceNames(ctx.db, false));
  for (const server of fleet.servers) for (const name of server.held.keys()) names.add(name);
  return names;
}

/** Gives the event loop back this often while 10,000 datasources are assigned for the first time. */
const SLICE_MS = 20;
const catchingUp = new WeakMap<ClusterContext, Promise<void>>();

function staleNames(ctx: ClusterContext, fleet: Fleet, names: Iterable<string>) {
  const rules = getAllRules(ctx.db);
  const stale: Array<[string, [string, Record<string, unknown[]>]]> = [];
  for (const name of names) {
    const key = keyOf(ctx, rules, name);
    if (fleet.seen.get(name) !== key) stale.push([name, [key, rules]]);
  }
  return stale;
}

/**
 * The historicals as of now, for one datasource's questions (loadstatus): only `dataSource` is brought up to date.
 * Without a load rate they follow every write at once (so the default cluster and tests see everything served
 * loaded, as before); with one, only the coordinator duty changes what they are asked to hold.
 */
export function historicalsFor(
  ctx: ClusterContext,
  dataSource: string,
): { servers: Historical[]; assigned: AssignedRules | null } {
  const fleet = fleetOf(ctx);
  advance(ctx, fleet);
  if (loadRateOf(ctx) === null) {
    for (const [name, keyed] of staleNames(ctx, fleet, [dataSource])) assign(ctx, fleet, name, true, keyed);
  }
  return { servers: fleet.servers, assigned: fleet.assignedRules.get(dataSource) ?? null };
}

/** The historicals as of now with every datasource up to date; the first call assigns them all, in slices. */
export async function historicals(ctx: ClusterContext): Promise<Historical[]> {
  return (await historicalsWithRules(ctx)).servers;
}

/** The historicals, and per datasource the rules they were last assigned from. */
export async function historicalsWithRules(
  ctx: ClusterContext,
): Promise<{ servers: Historical[]; assigned: ReadonlyMap<string, AssignedRules> }> {
  const fleet = fleetOf(ctx);
  if (loadRateOf(ctx) === null) {
    const running = catchingUp.get(ctx) ?? catchUp(ctx, fleet).finally(() => catchingUp.delete(ctx));
    catchingUp.set(ctx, running);
    await running;
  }
  advance(ctx, fleet);
  return { servers: fleet.servers, assigned: fleet.assignedRules };
}

async function catchUp(ctx: ClusterContext, fleet: Fleet): Promise<void> {
  let sliceStart = Date.now();
  const rules = getAllRules(ctx.db);
  for (const name of candidates(fleet, ctx)) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
      if (!ctx.db.open) return;
    }
    // Keyed as of now: a write between slices changed the generation, and the next read catches that up.
    const key = keyOf(ctx, rules, name);
    if (fleet.seen.get(name) !== key) assign(ctx, fleet, name, true, [key, rules]);
  }
}

/**
 * Called by the coordinator duty after it applied the rules to the store: with a load rate, queues what changed
 * (and every datasource with period rules, which move with the clock). `instant` assigns without queues: the
 * historicals a cluster starts with already hold their segments.
 */
export function assignAfterDuty(ctx: ClusterContext, instant = false): void {
  if (loadRateOf(ctx) === null) return;
  const fleet = fleetOf(ctx);
  advance(ctx, fleet);
  const rules = getAllRules(ctx.db);
  for (const name of candidates(fleet, ctx)) {
    const key = keyOf(ctx, rules, name);
    if (instant || fleet.seen.get(name) !== key || key.includes('ByPeriod'))
      assign(ctx, fleet, name, instant, [key, rules]);
  }
}
