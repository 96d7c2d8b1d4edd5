/**
 * A semantic diff of two rule lists in rule terms: which rules were added, removed, moved, or kept with some fields
 * changed. Rule order matters in Druid (first match wins), so moves are reported as changes too.
 */
import type { Rule } from '../../druid/rules.ts';

export interface RuleFieldChange {
  /** Human label, e.g. `period` or `replicas on tier "hot"`. */
  label: string;
  /** Printed value, or null when the field (or tier) was absent on that side. */
  before: string | null;
  after: string | null;
}

/** Positions are 0-based; the view prints them 1-based. */
export type RuleChange =
  | { kind: 'added'; rule: Rule; toIndex: number }
  | { kind: 'removed'; rule: Rule; fromIndex: number }
  | { kind: 'unchanged'; rule: Rule; fromIndex: number; toIndex: number }
  | { kind: 'moved'; rule: Rule; fromIndex: number; toIndex: number }
  | {
      kind: 'changed';
      before: Rule;
      after: Rule;
      fromIndex: number;
      toIndex: number;
      fields: RuleFieldChange[];
      /** Also changed its place relative to the other rules. */
      moved: boolean;
    };

export interface RulesDiff {
  /** In the new list's order, each removed rule after the rule that preceded it before. */
  changes: RuleChange[];
  hasChanges: boolean;
}

interface Pair {
  from: number;
  to: number;
  exact: boolean;
}

/** JSON with sorted keys, so field order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

const FIELD_LABELS: Record<string, string> = {
  includeFuture: 'include future',
  useDefaultTierForNull: 'default tier when no replicants are given',
};

function printValue(value: unknown): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : canonicalJson(value);
}

/** Field-by-field differences of two rules of the same type; replicas are compared per tier. */
export function ruleFieldChanges(before: Rule, after: Rule): RuleFieldChange[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => key !== 'type').sort();
  const changes: RuleFieldChange[] = [];
  for (const key of keys) {
    if (key === 'tieredReplicants' && isRecord(a[key]) && isRecord(b[key])) {
      changes.push(...replicaChanges(a[key], b[key]));
      continue;
    }
    const was = printValue(a[key]);
    const now = printValue(b[key]);
    if (was !== now) changes.push({ label: FIELD_LABELS[key] ?? key, before: was, after: now });
  }
  return changes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function replicaChanges(before: Record<string, unknown>, after: Record<string, unknown>): RuleFieldChange[] {
  const tiers = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return tiers
    .map((tier) => ({
      label: `replicas on tier "${tier}"`,
      before: printValue(before[tier]),
      after: printValue(after[tier]),
    }))
    .filter((change) => change.before !== change.after);
}

/** Longest common subsequence of two string lists, as index pairs in order. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Pair[] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lengths[i] as number[])[j] =
        a[i] === b[j]
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, lengths[i]?.[j + 1] ?? 0);
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push({ from: i++, to: j++, exact: true });
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** Indexes (into `pairs`, sorted by `from`) of a longest run whose `to` increases: the rules that kept their order. */
function keptOrder(pairs: readonly Pair[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const to = pairs[k]?.to ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] ?? 0]?.to ?? 0) < to) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  }
  const kept = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k] ?? -1) kept.add(k);
  return kept;
}

/** Pairs every rule of `before` with its counterpart in `after`: identical rules first, then same-type rules. */
function pairRules(before: readonly Rule[], after: readonly Rule[]): Pair[] {
  const a = before.map(canonicalJson);
  const b = after.map(canonicalJson);
  const pairs = longestCommonSubsequence(a, b);
  const usedFrom = new Set(pairs.map((p) => p.from));
  const usedTo = new Set(pairs.map((p) => p.to));
  const claim = (from: number, to: number, exact: boolean) => {
    pairs.push({ from, to, exact });
    usedFrom.add(from);
    usedTo.add(to);
  };
  // Identical rules out of order: moved.
  for (let from = 0; from < a.length; from++) {
    if (usedFrom.has(from)) continue;
    const to = b.findIndex((text, index) => !usedTo.has(index) && text === a[from]);
    if (to >= 0) claim(from, to, true);
  }
  // Same type, different fields: changed. Prefer the fewest differing fields, then the nearest position.
  for (let from = 0; from < before.length; from++) {
    const rule = before[from];
    if (!rule || usedFrom.has(from)) continue;
    let best: { to: number; score: number } | null = null;
    for (let to = 0; to < after.length; to++) {
      const candidate = after[to];
      if (!candidate || usedTo.has(to) || candidate.type !== rule.type) continue;
      const score = ruleFieldChanges(rule, candidate).length * 1000 + Math.abs(to - from);
      if (!best || score < best.score) best = { to, score };
    }
    if (best) claim(from, best.to, false);
  }
  return pairs.sort((x, y) => x.from - y.from);
}

export function diffRules(before: readonly Rule[], after: readonly Rule[]): RulesDiff {
  const pairs = pairRules(before, after);
  const kept = keptOrder(pairs);
  const byTo = new Map<number, RuleChange>();
  pairs.forEach((pair, k) => {
    const was = before[pair.from] as Rule;
    const now = after[pair.to] as Rule;
    const moved = !kept.has(k);
    const change: RuleChange = pair.exact
      ? { kind: moved ? 'moved' : 'unchanged', rule: now, fromIndex: pair.from, toIndex: pair.to }
      : {
          kind: 'changed',
          before: was,
          after: now,
          fromIndex: pair.from,
          toIndex: pair.to,
          fields: ruleFieldChanges(was, now),
          moved,
        };
    byTo.set(pair.to, change);
  });
  const toOf = new Map(pairs.map((pair) => [pair.from, pair.to]));
  // Removed rules go right after the new position of the nearest earlier rule that survived.
  const removedAfter = new Map<number, RuleChange[]>();
  before.forEach((rule, from) => {
    if (toOf.has(from)) return;
    let anchor = -1;
    for (let k = from - 1; k >= 0; k--) {
      const to = toOf.get(k);
      if (to !== undefined) {
        anchor = to;
        break;
      }
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push({ kind: 'removed', rule, fromIndex: from });
    removedAfter.set(anchor, list);
  });
  const changes: RuleChange[] = [...(removedAfter.get(-1) ?? [])];
  after.forEach((rule, to) => {
    changes.push(byTo.get(to) ?? { kind: 'added', rule, toIndex: to });
    changes.push(...(removedAfter.get(to) ?? []));
  });
  return { changes, hasChanges: changes.some((change) => change.kind !== 'unchanged') };
}
