import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { druidKeys } from '../../api/query-keys.ts';
import { type ApplySummary, applyRulesPlan } from '../../api/rules-import-apply.ts';
import type { PlanEntry } from '../../api/rules-import-plan.ts';

export type ApplyState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; summary: ApplySummary };

/** Posts the selected datasources one by one, with progress, then refreshes every rules view. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ApplyState>({ status: 'idle' });
  const run = async (entries: readonly PlanEntry[], selected: ReadonlySet<string>, author: string, comment: string) => {
    setState({ status: 'running', done: 0, total: 0 });
    const summary = await applyRulesPlan(entries, {
      author,
      comment,
      selected,
      onProgress: (progress) => setState({ status: 'running', ...progress }),
    });
    await queryClient.invalidateQueries({ queryKey: druidKeys.rules() });
    setState({ status: 'done', summary });
    return summary;
  };
  return { state, run, reset: () => setState({ status: 'idle' }) };
}
