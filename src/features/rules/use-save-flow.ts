import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AuditEntry, fetchRuleHistory } from '../../api/history.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { fetchRulesOf, saveRules } from '../../api/rules.ts';
import { trackRuleChange } from '../../components/convergence/convergence-store.ts';
import { toast } from '../../components/toast.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { type ConflictCheck, checkConflict } from './rules-compare.ts';

export interface SaveRequest {
  rules: Rule[];
  author: string;
  comment: string;
  /** Skip the conflict check: the operator saw the other version and chose to overwrite it. */
  overwrite: boolean;
}

/** A change made elsewhere, with Druid's audit entry of it when it can be read (who, when, why). */
export type RulesConflict = Exclude<ConflictCheck, { kind: 'unchanged' }> & { lastChange: AuditEntry | null };

type SaveOutcome = { kind: 'saved'; rules: Rule[] } | { kind: 'conflict'; conflict: RulesConflict };

/** The newest audit entry of the list; null when the audit log is off, refused or unreadable (the conflict stands). */
async function lastChangeOf(dataSource: string): Promise<AuditEntry | null> {
  try {
    const [entry] = await fetchRuleHistory({ dataSource, mode: 'count', count: 1 });
    return entry ?? null;
  } catch {
    return null;
  }
}

interface UseSaveFlowInput {
  dataSource: string;
  /** The server rules the edits started from. */
  base: readonly Rule[];
  onSaved: (rules: Rule[]) => void;
}

/**
 * Saving: re-read the rules first and stop on a change made elsewhere since `base`; otherwise POST with the audit
 * author and comment. A failure leaves everything as it was (the caller's form is untouched) and is shown.
 */
export function useSaveFlow({ dataSource, base, onSaved }: UseSaveFlowInput) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState<RulesConflict | null>(null);

  const mutation = useMutation({
    mutationFn: async (request: SaveRequest): Promise<SaveOutcome> => {
      if (!request.overwrite) {
        const check = checkConflict(base, await fetchRulesOf(dataSource));
        if (check.kind !== 'unchanged')
          return { kind: 'conflict', conflict: { ...check, lastChange: await lastChangeOf(dataSource) } };
      }
      await saveRules({ dataSource, rules: request.rules, author: request.author, comment: request.comment });
      return { kind: 'saved', rules: request.rules };
    },
    onSuccess: async (outcome) => {
      if (outcome.kind === 'conflict') {
        setConflict(outcome.conflict);
        return;
      }
      setOpen(false);
      setConflict(null);
      onSaved(outcome.rules);
      toast.success(`Saved the rules of ${dataSource}.`);
      // Followed until the Coordinator has applied them (header indicator, this page's progress).
      trackRuleChange(dataSource, `${outcome.rules.length} rule${outcome.rules.length === 1 ? '' : 's'} saved`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: druidKeys.rules() }),
        queryClient.invalidateQueries({ queryKey: druidKeys.history() }),
      ]);
    },
  });

  return {
    open,
    conflict,
    mutation,
    start: () => {
      mutation.reset();
      setConflict(null);
      setOpen(true);
    },
    close: () => {
      if (mutation.isPending) return;
      setOpen(false);
      setConflict(null);
    },
    clearConflict: () => setConflict(null),
  };
}
