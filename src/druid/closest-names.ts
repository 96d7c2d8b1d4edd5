/**
 * The names an operator probably meant when they typed one that does not exist: same name in another case first,
 * then small typos (edits and swapped neighbours, case-insensitive), then names that begin with what was typed or
 * that it begins with. Bounded per candidate, so 10,000 names cost a few milliseconds.
 */

const MIN_PREFIX = 3;

/** Typos allowed: one per four characters, between 1 and 3. */
function maxDistance(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or `limit + 1` as soon as it
 * must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(cell(previous, j) + 1, cell(current, j - 1) + 1, cell(previous, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, cell(before, j - 2) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return cell(previous, b.length);
}

// Rows are filled before they are read; the fallback only satisfies the index checks.
const cell = (row: readonly number[], j: number): number => row[j] ?? 0;

interface Match {
  name: string;
  /** 0: another case, 1: typos, 2: prefix. */
  group: number;
  /** Within the group: the distance, or how many characters the prefix leaves out. */
  score: number;
}

function matchOf(typed: string, name: string): Match | null {
  const candidate = name.toLowerCase();
  if (candidate === typed) return { name, group: 0, score: 0 };
  const limit = maxDistance(typed.length);
  const distance = editDistance(typed, candidate, limit);
  if (distance <= limit) return { name, group: 1, score: distance };
  const shorter = Math.min(typed.length, candidate.length);
  if (shorter >= MIN_PREFIX && (candidate.startsWith(typed) || typed.startsWith(candidate)))
    return { name, group: 2, score: Math.abs(candidate.length - typed.length) };
  return null;
}

/** Up to `limit` names closest to `typed`, best first; `typed` itself is never suggested. */
export function closestNames(typed: string, names: Iterable<string>, limit = 5): string[] {
  const wanted = typed.toLowerCase();
  const matches: Match[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name === typed || seen.has(name)) continue;
    seen.add(name);
    const match = matchOf(wanted, name);
    if (match) matches.push(match);
  }
  matches.sort((a, b) => a.group - b.group || a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return matches.slice(0, limit).map((match) => match.name);
}
