import { useDeferredValue, useMemo, useRef } from 'react';
import { NO_RETENTION_INTERVALS, type RetentionIntervals } from '../../api/rules-segments.ts';
import { computeEffectiveRetention, type EffectiveRetention } from '../../druid/effective-retention.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { computeRetentionChange, type RetentionChange } from './retention-change.ts';
import { sameRules } from './rules-compare.ts';

export interface EffectiveRetentionInput {
  /** Edited rules, or null while the form is invalid (the last valid rules are kept). */
  edited: Rule[] | null;
  saved: readonly Rule[];
  /** `_default` rules; ignored when editing `_default` itself. */
  defaultRules: readonly Rule[];
  isDefault: boolean;
  segments: RetentionIntervals | undefined;
  now: number;
}

export interface EffectiveRetentionView {
  /** The rules shown (the edited ones, or the last valid ones). */
  rules: readonly Rule[];
  edited: EffectiveRetention;
  saved: EffectiveRetention;
  change: RetentionChange;
  segments: RetentionIntervals;
  /** True while the numbers lag behind the latest edit. */
  stale: boolean;
  /** True while the form is invalid and the last valid rules are shown. */
  invalid: boolean;
}

interface Context {
  isDefault: boolean;
  defaultRules: readonly Rule[];
  segments: RetentionIntervals;
  now: number;
}

/** Name of the User Timing entry of each evaluation, which the bench reads (and clears) to tell it from rendering. */
export const EVALUATION_MEASURE = 'effective retention';

function compute(rules: readonly Rule[], { isDefault, defaultRules, segments, now }: Context) {
  const started = performance.now();
  const result = computeEffectiveRetention({
    rules: isDefault ? [] : rules,
    defaultRules: isDefault ? rules : defaultRules,
    segments,
    now,
  });
  performance.measure?.(EVALUATION_MEASURE, { start: started, detail: { rows: segments.start.length } });
  return result;
}

/**
 * Effective retention of the edited and the saved rules over the datasource's served segments (one row per distinct
 * interval), and the difference. The work grows with distinct intervals, not segments, and is deferred
 * (useDeferredValue) so typing stays responsive.
 */
export function useEffectiveRetention(input: EffectiveRetentionInput): EffectiveRetentionView {
  const lastValid = useRef<readonly Rule[]>(input.saved);
  if (input.edited) lastValid.current = input.edited;
  const current = input.edited ?? lastValid.current;
  const rules = useDeferredValue(current);
  const segments = input.segments ?? NO_RETENTION_INTERVALS;
  const { isDefault, defaultRules, now, saved: savedRules } = input;
  const context = useMemo(() => ({ isDefault, defaultRules, segments, now }), [isDefault, defaultRules, segments, now]);
  const saved = useMemo(() => compute(savedRules, context), [savedRules, context]);
  // Unedited rules (on load, after a discard) are the saved ones: evaluated once, not twice.
  const edited = useMemo(
    () => (sameRules(rules, savedRules) ? saved : compute(rules, context)),
    [rules, savedRules, saved, context],
  );
  const change = useMemo(
    () => computeRetentionChange(saved, edited, segments.size, segments.count),
    [saved, edited, segments],
  );
  return { rules, edited, saved, change, segments, stale: rules !== current, invalid: input.edited === null };
}
