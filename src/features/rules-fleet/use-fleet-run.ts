import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { druidKeys } from '../../api/query-keys.ts';
import { fetchAllRules, saveRules } from '../../api/rules.ts';
import { throttled } from '../../components/throttled.ts';
import type { Rule } from '../../druid/rules.ts';
import {
  changedMeanwhile,
  type FleetRunOutcome,
  type FleetRunProgress,
  type FleetRunReport,
  type FleetSaveItem,
  reportFleetRun,
  runFleetSave,
} from './fleet-run.ts';

export interface FleetRunRequest {
  /** What to post, per datasource. */
  items: FleetSaveItem[];
  /** Each datasource's rules as read for the review: what Undo restores, and what must still be there. */
  expected: ReadonlyMap<string, readonly Rule[]>;
  unchanged: string[];
  author: string;
  comment: string;
}

export type FleetRunState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: 'save' | 'undo'; progress: FleetRunProgress }
  | { phase: 'done'; kind: 'save' | 'undo'; report: FleetRunReport; outcome: FleetRunOutcome };

/**
 * Runs a fleet save: one re-read of every datasource's rules first (`GET /rules`, one request), so that a datasource
 * someone changed since the review is not overwritten; then one POST per datasource. Undo posts each saved
 * datasource's previous rules back, after the same check against what this run saved.
 */
export function useFleetRun() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FleetRunState>({ phase: 'idle' });
  const cancelled = useRef(false);
  const request = useRef<FleetRunRequest | null>(null);
  /** Datasources saved by this run so far (retries included), with the rules they had before. */
  const saved = useRef(new Map<string, { before: readonly Rule[]; after: readonly Rule[] }>());
  /** Counts saves started, so an Undo offered for one save never undoes a later one. */
  const generation = useRef(0);

  const run = async (
    kind: 'save' | 'undo',
    items: FleetSaveItem[],
    expected: (name: string) => readonly Rule[],
    comment: string,
    unchanged: string[],
  ) => {
    if (!request.current) return null;
    const { author } = request.current;
    cancelled.current = false;
    setState({ phase: 'running', kind, progress: { done: 0, total: items.length, failed: 0 } });
    let outcome: FleetRunOutcome;
    let conflicts: string[] = [];
    try {
      const current = await fetchAllRules();
      conflicts = changedMeanwhile(items, current, expected);
      const toSend = items.filter((item) => !conflicts.includes(item.name));
      const progress = throttled((next: FleetRunProgress) => setState({ phase: 'running', kind, progress: next }), 100);
      outcome = await runFleetSave({
        items: toSend,
        send: (item) => saveRules({ dataSource: item.name, rules: item.rules, author, comment }),
        isCancelled: () => cancelled.current,
        onProgress: (next) => progress.push(next),
      });
      progress.cancel();
    } catch (error) {
      // The re-read failed: nothing was sent.
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        saved: [],
        failed: items.map((item) => ({ name: item.name, error: message })),
        notSent: [],
        cancelled: false,
      };
    }
    const byName = new Map(items.map((item) => [item.name, item.rules]));
    for (const name of outcome.saved) {
      if (kind === 'undo') saved.current.delete(name);
      else saved.current.set(name, { before: expected(name), after: byName.get(name) ?? [] });
    }
    const report = reportFleetRun(outcome, unchanged, conflicts, kind === 'undo' ? 'Restored' : 'Saved');
    setState({ phase: 'done', kind, report, outcome });
    await queryClient.invalidateQueries({ queryKey: druidKeys.rules() });
    await queryClient.invalidateQueries({ queryKey: druidKeys.history() });
    return report;
  };

  return {
    state,
    /** Datasources this run has saved and not restored. */
    savedCount: () => saved.current.size,
    generation: () => generation.current,
    start(next: FleetRunRequest) {
      generation.current++;
      request.current = next;
      saved.current = new Map();
      return run('save', next.items, (name) => next.expected.get(name) ?? [], next.comment, next.unchanged);
    },
    retryFailed() {
      const last = request.current;
      if (state.phase !== 'done' || !last) return Promise.resolve(null);
      const failed = new Set(state.outcome.failed.map((f) => f.name));
      const items = last.items.filter((item) => failed.has(item.name));
      return run('save', items, (name) => last.expected.get(name) ?? [], last.comment, []);
    },
    undo() {
      const last = request.current;
      if (!last) return Promise.resolve(null);
      const entries = [...saved.current];
      const items = entries.map(([name, { before }]) => ({ name, rules: before }));
      const after = new Map(entries.map(([name, { after }]) => [name, after]));
      return run('undo', items, (name) => after.get(name) ?? [], `Undo: ${last.comment}`, []);
    },
    cancel() {
      cancelled.current = true;
    },
    reset() {
      setState({ phase: 'idle' });
    },
  };
}
