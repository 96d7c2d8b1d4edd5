/** Which datasources a fleet change is for: a name pattern, checkboxes, and quick picks by what rules they have. */
import { isForeverRule, type Rule } from '../../druid/rules.ts';

export interface FleetRow {
  name: string;
  /** Own rules; empty when it has none (or when they cannot be read: see `error`). */
  rules: Rule[];
  /** Why its rules cannot be read: such a datasource is never changed. */
  error: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/**
 * `*` and `?` are wildcards over the whole name (`wiki*`, `*_hour`); without them the pattern matches anywhere in the
 * name, like the index's filter. Case-insensitive.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  const text = pattern.trim().toLowerCase();
  if (text === '') return () => true;
  if (!/[*?]/.test(text)) return (name) => name.toLowerCase().includes(text);
  const regex = new RegExp(`^${escapeRegExp(text).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (name) => regex.test(name.toLowerCase());
}

/** No rules of its own: the cluster defaults decide every segment. */
export const hasNoRules = (row: FleetRow): boolean => row.error === null && row.rules.length === 0;

/** Some of its time falls through to the defaults: no rule of its own is a forever rule. */
export const usesDefaults = (row: FleetRow): boolean => row.error === null && !row.rules.some(isForeverRule);

export type QuickPick = 'matching' | 'usesDefaults' | 'noRules';

/** Adds every readable row the pick names to the selection (a new set). */
export function addPick(
  selected: ReadonlySet<string>,
  rows: readonly FleetRow[],
  pick: QuickPick,
  pattern: string,
): Set<string> {
  const matches = namePattern(pattern);
  const test = pick === 'noRules' ? hasNoRules : pick === 'usesDefaults' ? usesDefaults : () => true;
  const next = new Set(selected);
  for (const row of rows) if (row.error === null && matches(row.name) && test(row)) next.add(row.name);
  return next;
}

export function toggle(selected: ReadonlySet<string>, name: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(name)) next.add(name);
  return next;
}
