/**
 * The small note this browser keeps about a retirement it started: when, which steps it completed and the kill
 * tasks it submitted. It only says what to resume and which tasks to follow; every step's state comes from Druid.
 */
import { z } from 'zod';

export const RETIRE_STEPS = ['rules', 'mark', 'kill', 'check'] as const;
export type RetireStepId = (typeof RETIRE_STEPS)[number];

const noteSchema = z.object({
  startedAt: z.number(),
  done: z.array(z.enum(RETIRE_STEPS)),
  killTaskIds: z.array(z.string()),
});
export type RetireNote = z.infer<typeof noteSchema>;

const keyOf = (dataSource: string) => `druid-console:retire:${dataSource}`;

export function readRetireNote(dataSource: string): RetireNote | null {
  try {
    const text = localStorage.getItem(keyOf(dataSource));
    if (text === null) return null;
    const parsed = noteSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Storage off or a note from another version: the flow still works from Druid's state alone.
    return null;
  }
}

export function writeRetireNote(dataSource: string, note: RetireNote): void {
  try {
    localStorage.setItem(keyOf(dataSource), JSON.stringify(note));
  } catch {
    // A full or disabled storage loses only the resume hint.
  }
}

export function clearRetireNote(dataSource: string): void {
  try {
    localStorage.removeItem(keyOf(dataSource));
  } catch {
    // Nothing to clear.
  }
}

/** The note with one more completed step and/or kill task; started now when there was none. */
export function notedWith(
  note: RetireNote | null,
  change: { done?: RetireStepId; killTaskId?: string },
  now: number,
): RetireNote {
  const base = note ?? { startedAt: now, done: [], killTaskIds: [] };
  return {
    startedAt: base.startedAt,
    done: change.done && !base.done.includes(change.done) ? [...base.done, change.done] : base.done,
    killTaskIds:
      change.killTaskId && !base.killTaskIds.includes(change.killTaskId)
        ? [...base.killTaskIds, change.killTaskId]
        : base.killTaskIds,
  };
}
