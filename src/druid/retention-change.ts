/**
 * What saving would change: the saved rules and the edited rules each decide the fate of every row of segments (one
 * interval of the summaries, or one segment; src/druid effective-retention); this compares the two outcomes.
 */
import type { EffectiveRetention, RetentionSlot, Totals } from './effective-retention.ts';

export interface TierDelta {
  /** Replicas to add (positive) or remove (negative), summed over segments. */
  replicas: number;
  bytes: number;
}

export interface RetentionChange {
  /** Segments the edits drop (Druid marks them unused) that the saved rules keep. */
  newlyDropped: Totals;
  /** Segments the saved rules drop that the edits keep. */
  noLongerDropped: Totals;
  newlyBroadcast: Totals;
  noLongerBroadcast: Totals;
  /** Segments governed differently in any way. */
  changed: Totals;
  tiers: Record<string, TierDelta>;
}

const zero = (): Totals => ({ count: 0, bytes: 0 });

function replicasOf(slot: RetentionSlot | null | undefined): Record<string, number> {
  return slot?.action === 'load' && slot.replicas ? slot.replicas : {};
}

/**
 * Both results must come from the same rows, in the same order; `size` and `count` are the rows' bytes and segments
 * (1 each without `count`). Rows are first tallied per pair of (saved rule, edited rule), one tight loop over typed
 * arrays, so 200k rows take a few milliseconds; each pair is then compared once.
 */
export function computeRetentionChange(
  saved: Pick<EffectiveRetention, 'slots' | 'rowSlot'>,
  edited: Pick<EffectiveRetention, 'slots' | 'rowSlot'>,
  size: ArrayLike<number>,
  count?: ArrayLike<number>,
): RetentionChange {
  const change = emptyRetentionChange();
  // Slot k is stored as k + 1 so that "no rule" (-1) is 0.
  const width = edited.slots.length + 1;
  const pairs = (saved.slots.length + 1) * width;
  const counts = new Float64Array(pairs);
  const bytes = new Float64Array(pairs);
  const rows = Math.min(saved.rowSlot.length, edited.rowSlot.length);
  for (let i = 0; i < rows; i++) {
    const pair = ((saved.rowSlot[i] as number) + 1) * width + (edited.rowSlot[i] as number) + 1;
    counts[pair] = (counts[pair] as number) + (count ? (count[i] as number) : 1);
    bytes[pair] = (bytes[pair] as number) + ((size[i] as number) || 0);
  }
  for (let pair = 0; pair < pairs; pair++) {
    const n = counts[pair] as number;
    if (n === 0) continue;
    const b = bytes[pair] as number;
    const before = saved.slots[Math.floor(pair / width) - 1];
    const after = edited.slots[(pair % width) - 1];
    addPair(change, before, after, n, b);
  }
  return change;
}

function addPair(
  change: RetentionChange,
  before: RetentionSlot | undefined,
  after: RetentionSlot | undefined,
  n: number,
  b: number,
): void {
  const add = (totals: Totals) => {
    totals.count += n;
    totals.bytes += b;
  };
  const actionBefore = before?.action ?? 'none';
  const actionAfter = after?.action ?? 'none';
  if (actionAfter === 'drop' && actionBefore !== 'drop') add(change.newlyDropped);
  if (actionBefore === 'drop' && actionAfter !== 'drop') add(change.noLongerDropped);
  if (actionAfter === 'broadcast' && actionBefore !== 'broadcast') add(change.newlyBroadcast);
  if (actionBefore === 'broadcast' && actionAfter !== 'broadcast') add(change.noLongerBroadcast);
  const replicasBefore = replicasOf(before);
  const replicasAfter = replicasOf(after);
  let differs = actionBefore !== actionAfter;
  for (const tier of new Set([...Object.keys(replicasBefore), ...Object.keys(replicasAfter)])) {
    const delta = (replicasAfter[tier] ?? 0) - (replicasBefore[tier] ?? 0);
    if (delta === 0) continue;
    differs = true;
    const totals = change.tiers[tier] ?? { replicas: 0, bytes: 0 };
    totals.replicas += delta * n;
    totals.bytes += delta * b;
    change.tiers[tier] = totals;
  }
  if (differs) add(change.changed);
}

export function hasRetentionChange(change: RetentionChange): boolean {
  return change.changed.count > 0;
}

export function emptyRetentionChange(): RetentionChange {
  return {
    newlyDropped: zero(),
    noLongerDropped: zero(),
    newlyBroadcast: zero(),
    noLongerBroadcast: zero(),
    changed: zero(),
    tiers: {},
  };
}

/** Adds `add` into `into` (totals over many datasources). */
export function addRetentionChange(into: RetentionChange, add: RetentionChange): void {
  for (const key of ['newlyDropped', 'noLongerDropped', 'newlyBroadcast', 'noLongerBroadcast', 'changed'] as const) {
    into[key].count += add[key].count;
    into[key].bytes += add[key].bytes;
  }
  for (const [tier, delta] of Object.entries(add.tiers)) {
    const sum = into.tiers[tier] ?? { replicas: 0, bytes: 0 };
    into.tiers[tier] = sum;
    sum.replicas += delta.replicas;
    sum.bytes += delta.bytes;
  }
}
