import type { LoadQueues } from '../../api/load-queue.ts';
import type { DataSourceLoadStatus } from '../../api/load-status.ts';
import type { DruidServer } from '../../api/servers.ts';

/** One look at the cluster while a rule change is being applied. */
export interface Observation {
  at: number;
  /** Per tier, replicas of the datasource still to load (loadstatus?full). */
  toLoad: Record<string, number>;
  /** Per tier, segments queued to drop on its historicals, every datasource's (loadqueue?simple). */
  toDrop: Record<string, number>;
}

/** A saved rule change followed until the Coordinator has applied it. */
export interface TrackedChange {
  id: string;
  dataSource: string;
  /** What was saved, for the header's list ("3 rules"). */
  label: string;
  savedAt: number;
  /** The most seen pending per tier: the 100 % of each progress bar. */
  peakLoad: Record<string, number>;
  peakDrop: Record<string, number>;
  latest: Observation | null;
  /** Something was pending once: reaching zero again means applied, not "not started yet". */
  sawPending: boolean;
  finishedAt: number | null;
}

export function startChange(dataSource: string, label: string, savedAt: number): TrackedChange {
  return {
    id: `${dataSource}@${savedAt}`,
    dataSource,
    label,
    savedAt,
    peakLoad: {},
    peakDrop: {},
    latest: null,
    sawPending: false,
    finishedAt: null,
  };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

function maxPerKey(peak: Record<string, number>, now: Record<string, number>): Record<string, number> {
  const merged = { ...peak };
  for (const [key, n] of Object.entries(now)) merged[key] = Math.max(merged[key] ?? 0, n);
  return merged;
}

export function observationFrom(
  at: number,
  status: DataSourceLoadStatus,
  queues: LoadQueues,
  servers: readonly DruidServer[],
): Observation {
  const tierOf = new Map(servers.map((server) => [server.host, server.tier ?? '']));
  const toDrop: Record<string, number> = {};
  for (const [host, queue] of Object.entries(queues)) {
    const tier = tierOf.get(host);
    if (tier) toDrop[tier] = (toDrop[tier] ?? 0) + queue.segmentsToDrop;
  }
  return { at, toLoad: { ...status.missingReplicas }, toDrop };
}

/**
 * Folds one observation in. Right after a save nothing is pending yet (the Coordinator applies rules on its next
 * run), so zero means done only after something was pending, or once `settleMs` (a Coordinator period or two) has
 * passed without anything to move.
 */
export function observe(change: TrackedChange, observation: Observation, settleMs: number): TrackedChange {
  if (change.finishedAt !== null) return change;
  const pending = sum(observation.toLoad) + sum(observation.toDrop);
  const sawPending = change.sawPending || pending > 0;
  const settled = observation.at - change.savedAt >= settleMs;
  return {
    ...change,
    peakLoad: maxPerKey(change.peakLoad, observation.toLoad),
    peakDrop: maxPerKey(change.peakDrop, observation.toDrop),
    latest: observation,
    sawPending,
    finishedAt: pending === 0 && (sawPending || settled) ? observation.at : null,
  };
}

export interface TierProgress {
  tier: string;
  toLoad: number;
  loaded: number;
  toDrop: number;
  dropped: number;
  /** Done over the most seen pending, 0..1 (1 when nothing was ever pending). */
  fraction: number;
}

export function tierProgress(change: TrackedChange): TierProgress[] {
  const tiers = new Set([...Object.keys(change.peakLoad), ...Object.keys(change.peakDrop)]);
  return [...tiers].sort().flatMap((tier) => {
    const peakLoad = change.peakLoad[tier] ?? 0;
    const peakDrop = change.peakDrop[tier] ?? 0;
    if (peakLoad + peakDrop === 0) return [];
    const toLoad = change.latest?.toLoad[tier] ?? 0;
    const toDrop = change.latest?.toDrop[tier] ?? 0;
    const done = peakLoad - toLoad + (peakDrop - toDrop);
    return [
      {
        tier,
        toLoad,
        loaded: peakLoad - toLoad,
        toDrop,
        dropped: peakDrop - toDrop,
        fraction: done / (peakLoad + peakDrop),
      },
    ];
  });
}

export type ChangePhase = 'waiting' | 'converging' | 'applied' | 'nothing-to-move';

export function phaseOf(change: TrackedChange): ChangePhase {
  if (change.finishedAt !== null) return change.sawPending ? 'applied' : 'nothing-to-move';
  return change.sawPending ? 'converging' : 'waiting';
}
