/**
 * Where a retirement stands, derived from what Druid reports (never from the note alone): each step is done when
 * Druid shows its effect, and the first step not done is the one to take next. The note only adds which steps
 * this browser completed, so a step undone since (rules restored, segments marked used) is named as such.
 */
import type { RetireFacts } from '../../api/retire-facts.ts';
import { RETIRE_STEPS, type RetireNote, type RetireStepId } from './retire-note.ts';

export type RetireStepStatus = 'done' | 'current' | 'running' | 'later';

export interface RetireState {
  steps: Record<RetireStepId, RetireStepStatus>;
  /** The step to take next; null once the datasource is gone from every list. */
  current: RetireStepId | null;
  /** Steps the note says this browser completed that Druid no longer shows done: someone changed them since. */
  undone: RetireStepId[];
  /** Neither in any list nor with rules of its own, and no retirement noted: nothing to retire (a typo). */
  unknown: boolean;
}

export interface RetireInputs {
  facts: RetireFacts;
  note: RetireNote | null;
  /** A kill task this retirement submitted is still running: no second kill is offered meanwhile. */
  killRunning: boolean;
}

export function deriveRetireState({ facts, note, killRunning }: RetireInputs): RetireState {
  const rulesDone = facts.ownRules.raw.length === 0;
  const markDone = facts.usedCount === 0;
  // Killing is only done once nothing is used either: used segments are still to be marked and killed.
  const killDone = markDone && !facts.hasUnused && !killRunning;
  const gone = !facts.inMetadata && !facts.inServed && rulesDone;
  const done: Record<RetireStepId, boolean> = { rules: rulesDone, mark: markDone, kill: killDone, check: gone };
  const current = RETIRE_STEPS.find((step) => !done[step]) ?? null;
  const steps = {} as Record<RetireStepId, RetireStepStatus>;
  for (const step of RETIRE_STEPS) {
    if (done[step]) steps[step] = 'done';
    else if (step === current) steps[step] = step === 'kill' && killRunning ? 'running' : 'current';
    else steps[step] = 'later';
  }
  return {
    steps,
    current,
    undone: (note?.done ?? []).filter((step) => !done[step]),
    unknown: note === null && gone && !killRunning,
  };
}
