import { useEffect, useId, useState } from 'react';
import type { ImportImpact } from '../../api/rules-import-impact.ts';
import type { PlanEntry } from '../../api/rules-import-plan.ts';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCountOf } from '../../components/format.ts';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { DEFAULT_RULES_KEY } from '../../druid/rules.ts';
import type { ApplyState } from './use-apply-import.ts';

interface ApplyImportDialogProps {
  open: boolean;
  /** The selected entries that change. */
  entries: readonly PlanEntry[];
  impact: ImportImpact;
  state: ApplyState;
  onApply: (author: string, comment: string) => void;
  onCancel: () => void;
}

/**
 * The word to type, as the team's safety model asks for changes that reach far or drop loaded data: `_default`
 * when the defaults change, else the one datasource losing data, else how many lose data.
 */
export function confirmationWord(entries: readonly PlanEntry[], impact: ImportImpact): string | undefined {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has(DEFAULT_RULES_KEY)) return DEFAULT_RULES_KEY;
  const dropping = impact.entries.filter((e) => names.has(e.name) && e.change.newlyDropped.count > 0);
  if (dropping.length === 0) return undefined;
  return dropping.length === 1 ? dropping[0]?.name : formatCountOf(dropping.length, 'datasource');
}

export function ApplyImportDialog({ open, entries, impact, state, onApply, onCancel }: ApplyImportDialogProps) {
  const id = useId();
  const author = useAuditAuthorField(open);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; name?: string }>({});
  useEffect(() => {
    if (open) setErrors({});
  }, [open]);

  const names = new Set(entries.map((entry) => entry.name));
  const dropping = impact.entries.filter((e) => names.has(e.name) && e.change.newlyDropped.count > 0);
  const word = confirmationWord(entries, impact);
  const running = state.status === 'running';
  const count = formatCountOf(entries.length, 'datasource');

  const confirm = () => {
    const next = {
      comment: auditCommentProblem(comment, 'Say why you are changing the rules.'),
      name: author.problem() ?? undefined,
    };
    setErrors(next);
    if (next.comment || next.name) return;
    onApply(author.commit(), comment.trim());
  };

  return (
    <ConfirmDialog
      open={open}
      title={`Apply the rules of ${count}?`}
      confirmLabel={`Apply to ${count}`}
      destructive={word !== undefined}
      typedConfirmation={word}
      pending={running}
      onConfirm={confirm}
      onCancel={onCancel}
      size="large"
    >
      <p>
        One request per datasource replaces its rules: {entries.map((entry) => entry.name).join(', ')}. Druid records
        each change in its audit history.
      </p>
      {names.has(DEFAULT_RULES_KEY) && (
        <p className="alert warning">The cluster defaults change: every datasource without rules of its own follows.</p>
      )}
      {dropping.length > 0 && (
        <p className="alert warning">
          Druid will drop (mark unused) segments it serves now from {dropping.map((e) => e.name).join(', ')}.
        </p>
      )}
      <AuditCommentField
        id={`${id}-comment`}
        value={comment}
        onChange={setComment}
        error={errors.comment}
        disabled={running}
      />
      <AuditAuthorField field={author} id={`${id}-name`} error={errors.name} />
      {running && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>
            Saved {state.done} of {state.total}
          </label>
          <progress id={`${id}-progress`} value={state.done} max={Math.max(state.total, 1)} />
        </div>
      )}
    </ConfirmDialog>
  );
}
