/**
 * The editable part of the Coordinator's dynamic config that concerns kill, as form text, and the exact partial
 * body and before/after diff a save sends. Druid merges a partial POST into the current config, so only changed
 * fields are sent.
 */
import { nameList } from '../../api/auto-kill-config.ts';

export const MAX_INT = 2_147_483_647;

export interface KillConfigValues {
  killDataSourceWhitelist: string[];
  killTaskSlotRatio: number;
  maxKillTaskSlots: number;
  killPendingSegmentsSkipList: string[];
}

export interface KillConfigForm {
  /** One name per line (or comma-separated). */
  whitelist: string;
  ratio: string;
  maxSlots: string;
  pendingSkipList: string;
}

/** The config as Druid sent it; fields an older release lacks take Druid's defaults (and say so elsewhere). */
export function killConfigValues(config: Record<string, unknown>): KillConfigValues {
  return {
    killDataSourceWhitelist: nameList(config.killDataSourceWhitelist),
    killTaskSlotRatio: typeof config.killTaskSlotRatio === 'number' ? config.killTaskSlotRatio : 0.1,
    maxKillTaskSlots: typeof config.maxKillTaskSlots === 'number' ? config.maxKillTaskSlots : MAX_INT,
    killPendingSegmentsSkipList: nameList(config.killPendingSegmentsSkipList),
  };
}

export function toForm(values: KillConfigValues): KillConfigForm {
  return {
    whitelist: values.killDataSourceWhitelist.join('\n'),
    ratio: String(values.killTaskSlotRatio),
    maxSlots: values.maxKillTaskSlots === MAX_INT ? '' : String(values.maxKillTaskSlots),
    pendingSkipList: values.killPendingSegmentsSkipList.join('\n'),
  };
}

const names = (text: string) =>
  nameList(
    text
      .split(/[\n,]/)
      .map((name) => name.trim())
      .join(','),
  );

/**
 * The form read back. Only what cannot be a number is refused here; range checks are Druid's, so a value Druid
 * refuses shows Druid's own message.
 */
export function fromForm(form: KillConfigForm): { values: KillConfigValues } | { error: Partial<KillConfigForm> } {
  const error: Partial<KillConfigForm> = {};
  const ratio = Number(form.ratio);
  if (form.ratio.trim() === '' || !Number.isFinite(ratio)) error.ratio = 'Enter a number, e.g. 0.1';
  const maxSlots = form.maxSlots.trim() === '' ? MAX_INT : Number(form.maxSlots);
  if (!Number.isInteger(maxSlots)) error.maxSlots = 'Enter a whole number, or leave empty for no cap';
  if (Object.keys(error).length > 0) return { error };
  return {
    values: {
      killDataSourceWhitelist: names(form.whitelist),
      killTaskSlotRatio: ratio,
      maxKillTaskSlots: maxSlots,
      killPendingSegmentsSkipList: names(form.pendingSkipList),
    },
  };
}

export interface FieldChange {
  field: keyof KillConfigValues;
  before: string;
  after: string;
  /** For lists: names added and removed. */
  added?: string[];
  removed?: string[];
}

export function describeValue(field: keyof KillConfigValues, value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length > 0) return value.join(', ');
    return field === 'killDataSourceWhitelist' ? '(empty: every datasource)' : '(empty)';
  }
  if (field === 'maxKillTaskSlots' && value === MAX_INT) return `${MAX_INT} (no cap)`;
  return String(value);
}

/** Field by field: what the save changes, in Druid's field names; lists compared as sets. */
export function diffKillConfig(before: KillConfigValues, after: KillConfigValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as Array<keyof KillConfigValues>) {
    const a = before[field];
    const b = after[field];
    if (Array.isArray(a) && Array.isArray(b)) {
      const added = b.filter((name) => !a.includes(name));
      const removed = a.filter((name) => !b.includes(name));
      if (added.length || removed.length)
        changes.push({ field, before: describeValue(field, a), after: describeValue(field, b), added, removed });
    } else if (a !== b) changes.push({ field, before: describeValue(field, a), after: describeValue(field, b) });
  }
  return changes;
}

/** The partial POST body: the changed fields only. */
export function changedFields(before: KillConfigValues, after: KillConfigValues): Partial<KillConfigValues> {
  const body: Record<string, unknown> = {};
  for (const change of diffKillConfig(before, after)) body[change.field] = after[change.field];
  return body as Partial<KillConfigValues>;
}
