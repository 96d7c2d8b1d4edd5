import { useEffect, useRef } from 'react';
import type { Rule } from '../../druid/rule-schemas.ts';
import type { RuleFormValue } from './rule-form-model.ts';
import { clearDraft, type RulesDraft, writeDraft } from './rules-draft-storage.ts';

interface UseRulesDraftInput {
  dataSource: string;
  values: RuleFormValue[];
  fingerprint: string;
  dirty: boolean;
  base: readonly Rule[];
  restoredFrom: string | null;
  /** Off while an older draft is still being offered, so it is not overwritten before the operator decides. */
  enabled: boolean;
}

/** Keeps unsaved edits in localStorage (debounced, flushed when the page is hidden), removes them once clean. */
export function useRulesDraft({
  dataSource,
  values,
  fingerprint,
  dirty,
  base,
  restoredFrom,
  enabled,
}: UseRulesDraftInput) {
  const latest = useRef<RulesDraft | null>(null);
  latest.current =
    enabled && dirty
      ? { version: 1, dataSource, rules: values, baseRules: [...base], savedAt: Date.now(), restoredFrom }
      : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the fingerprint stands for the values
  useEffect(() => {
    if (!enabled) return;
    if (!dirty) {
      clearDraft(dataSource);
      return;
    }
    const timer = setTimeout(() => latest.current && writeDraft(latest.current), 250);
    return () => clearTimeout(timer);
  }, [dataSource, fingerprint, dirty, enabled, restoredFrom, base]);

  useEffect(() => {
    const flush = () => {
      if (latest.current) writeDraft(latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
