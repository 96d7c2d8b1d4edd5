/**
 * A semantic diff of two dynamic configs from the audit history (payloads parsed): every field that differs, lists
 * compared as sets, anything else by its JSON.
 */
import { nameList } from '../../api/auto-kill-config.ts';

export interface ConfigFieldDiff {
  field: string;
  before: string;
  after: string;
  added?: string[];
  removed?: string[];
}

const LIST_FIELDS = new Set([
  'killDataSourceWhitelist',
  'killPendingSegmentsSkipList',
  'decommissioningNodes',
  'turboLoadingNodes',
]);

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

export function diffConfigs(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): ConfigFieldDiff[] {
  const diffs: ConfigFieldDiff[] = [];
  // The earliest entry loaded has nothing to compare with.
  if (before === null) return diffs;
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (LIST_FIELDS.has(field)) {
      const was = nameList(a);
      const now = nameList(b);
      const added = now.filter((name) => !was.includes(name));
      const removed = was.filter((name) => !now.includes(name));
      if (added.length || removed.length)
        diffs.push({ field, before: was.join(', ') || '(empty)', after: now.join(', ') || '(empty)', added, removed });
    } else if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push({ field, before: show(a), after: show(b) });
  }
  return diffs;
}
