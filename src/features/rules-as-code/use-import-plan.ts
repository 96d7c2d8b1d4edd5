import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { intervalSummariesQueryOptions } from '../../api/interval-summaries.ts';
import { parseRulesFileText } from '../../api/rules-file-text.ts';
import { type LoadedPlan, loadImportPlan } from '../../api/rules-import.ts';
import { toRetentionIntervals } from '../../api/rules-segments.ts';

export type ImportPlanState =
  | { status: 'idle' }
  /** The file was refused: every problem, by datasource and position. */
  | { status: 'refused'; fileName: string; errors: string[] }
  | { status: 'loading'; fileName: string; progress: { done: number; total: number } | null }
  | { status: 'error'; fileName: string; error: unknown }
  | ({ status: 'ready'; fileName: string } & LoadedPlan);

/**
 * Reads a chosen file, validates it, then plans it against what the cluster holds now. Interval summaries come
 * through the shared query cache, so the rules editor and segments timeline reuse them.
 */
export function useImportPlan() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportPlanState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const source = useRef<{ name: string; text: string } | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const plan = useCallback(
    async (fileName: string, text: string) => {
      controller.current?.abort();
      source.current = { name: fileName, text };
      const file = await parseRulesFileText(fileName, text);
      if (source.current?.text !== text) return; // another file was chosen meanwhile
      if (!file.ok) {
        setState({ status: 'refused', fileName, errors: file.errors });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'loading', fileName, progress: null });
      try {
        const loaded = await loadImportPlan(file.rules, {
          now: Date.now(),
          signal: abort.signal,
          onProgress: (progress) => {
            if (!abort.signal.aborted) setState({ status: 'loading', fileName, progress });
          },
          fetchIntervals: async (name) =>
            toRetentionIntervals(await queryClient.fetchQuery({ ...intervalSummariesQueryOptions(name), retry: 1 })),
        });
        if (!abort.signal.aborted) setState({ status: 'ready', fileName, ...loaded });
      } catch (error) {
        if (!abort.signal.aborted) setState({ status: 'error', fileName, error });
      }
    },
    [queryClient],
  );

  return {
    state,
    planFile: async (file: File) => plan(file.name, await file.text()),
    /** Plans a file another view handed over (its name and JSON text). */
    planText: plan,
    /** Plans the same file again against the cluster as it is now (after an apply, or a failure). */
    replan: () => {
      if (source.current) void plan(source.current.name, source.current.text);
    },
    reset: () => {
      controller.current?.abort();
      source.current = null;
      setState({ status: 'idle' });
    },
  };
}
