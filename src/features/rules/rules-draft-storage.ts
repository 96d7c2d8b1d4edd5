/**
 * Unsaved edits kept in localStorage, one draft per datasource, so they survive navigation, reloads and crashes.
 * A draft remembers the server rules it started from, so a later save still detects changes made meanwhile.
 */
import { z } from 'zod';
import { clientTarget } from '../../api/client-target.ts';
import { ruleFormShape } from './rule-form-validation.ts';

const PREFIX = 'druid-console.rules-draft.';

const draftSchema = z.object({
  version: z.literal(1),
  dataSource: z.string(),
  /** The form's values, possibly half-typed. */
  rules: z.array(ruleFormShape),
  /** The server's rules (JSON) when editing started. */
  baseRules: z.array(z.unknown()),
  savedAt: z.number(),
  /** Audit time of the history entry being restored, if any. */
  restoredFrom: z.string().nullable(),
});

export type RulesDraft = z.infer<typeof draftSchema>;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function draftKey(dataSource: string): string {
  // With several clusters a draft belongs to one: staging's edits are never offered on production's editor.
  const { cluster } = clientTarget();
  return cluster === null ? `${PREFIX}${dataSource}` : `${PREFIX}@${cluster}/${dataSource}`;
}

/** The stored draft, or null; a corrupt or foreign entry is removed. */
export function readDraft(dataSource: string): RulesDraft | null {
  const store = storage();
  try {
    const raw = store?.getItem(draftKey(dataSource));
    if (!raw) return null;
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    if (parsed.success && parsed.data.dataSource === dataSource) return parsed.data;
  } catch {
    // fall through: unreadable
  }
  try {
    store?.removeItem(draftKey(dataSource));
  } catch {
    // ignore
  }
  return null;
}

/** False when the browser refused (storage full or disabled). */
export function writeDraft(draft: RulesDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(draftKey(draft.dataSource), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(dataSource: string): void {
  try {
    storage()?.removeItem(draftKey(dataSource));
  } catch {
    // ignore
  }
}
