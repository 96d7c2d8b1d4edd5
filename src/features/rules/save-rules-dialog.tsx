import { useEffect, useId, useState } from 'react';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { DialogForm, DialogSubmitFooter } from '../../components/dialog-form.tsx';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { RulesConflictView } from './rules-conflict-view.tsx';
import type { useSaveFlow } from './use-save-flow.ts';

interface SaveRulesDialogProps {
  flow: ReturnType<typeof useSaveFlow>;
  dataSource: string;
  base: readonly Rule[];
  edited: Rule[];
  effects: string[];
  initialComment: string;
  /** What saving changes beyond this list's own segments (the `_default` impact), under the diff. */
  impact?: React.ReactNode;
  /** Saving waits while the impact is being counted (the impact says so). */
  waiting?: boolean;
  /** A typed confirmation follows this dialog (the save drops loaded data cluster-wide). */
  confirmationFollows?: boolean;
  /** Conflict resolution: throw the edits away and edit the server's version instead. */
  onLoadServerVersion: (rules: Rule[] | null) => void;
}

/** The comment and author Druid records, what saving does, and the conflict step when the rules changed meanwhile. */
export function SaveRulesDialog(props: SaveRulesDialogProps) {
  const { flow, dataSource, base, edited, effects, initialComment, onLoadServerVersion } = props;
  const { impact, waiting = false, confirmationFollows = false } = props;
  const id = useId();
  const author = useAuditAuthorField(flow.open);
  const invalid = useFocusFirstInvalid();
  const [comment, setComment] = useState(initialComment);
  const [errors, setErrors] = useState<{ comment?: string; name?: string }>({});
  const pending = flow.mutation.isPending;

  useEffect(() => {
    if (flow.open) {
      setComment((current) => current || initialComment);
      setErrors({});
    }
  }, [flow.open, initialComment]);

  const submit = (overwrite: boolean) => {
    const next = {
      comment: auditCommentProblem(comment, 'Say why you are changing the rules.'),
      name: author.problem() ?? undefined,
    };
    setErrors(next);
    if (next.comment || next.name) {
      invalid.focusFirstInvalid();
      return;
    }
    flow.mutation.mutate({ rules: edited, author: author.commit(), comment: comment.trim(), overwrite });
  };

  const conflict = flow.conflict;
  const footer = conflict ? (
    <>
      <button type="button" onClick={flow.close} disabled={pending}>
        Cancel
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          onLoadServerVersion(conflict.kind === 'changed' ? conflict.server : null);
          flow.close();
        }}
      >
        Discard my edits and load theirs
      </button>
      <button type="button" className="danger" disabled={pending} onClick={() => submit(true)}>
        Overwrite with my edits
      </button>
    </>
  ) : (
    <DialogSubmitFooter
      formId={`${id}-form`}
      label={confirmationFollows ? 'Save rules…' : 'Save rules'}
      onCancel={flow.close}
      pending={pending}
      disabled={waiting}
      danger={confirmationFollows}
    />
  );

  return (
    <Dialog
      open={flow.open}
      onClose={flow.close}
      title={`Save the rules of ${dataSource}`}
      size="large"
      footer={footer}
    >
      {conflict ? (
        <RulesConflictView dataSource={dataSource} check={conflict} edited={edited} />
      ) : (
        <DialogForm id={`${id}-form`} formRef={invalid.ref} onSubmit={() => submit(false)}>
          <RulesDiffView before={base} after={edited} label="Your changes" />
          {impact}
          {effects.length > 0 && (
            <ul className="alert warning save-effects">
              {effects.map((effect) => (
                <li key={effect}>{effect}</li>
              ))}
            </ul>
          )}
          <AuditCommentField
            id={`${id}-comment`}
            value={comment}
            onChange={setComment}
            error={errors.comment}
            hint
            autoFocus
          />
          <AuditAuthorField field={author} id={`${id}-name`} error={errors.name} />
          {flow.mutation.error && (
            <QueryErrorAlert error={flow.mutation.error} title="Saving failed; your edits are kept" />
          )}
        </DialogForm>
      )}
      {conflict && flow.mutation.error && (
        <QueryErrorAlert error={flow.mutation.error} title="Saving failed; your edits are kept" />
      )}
    </Dialog>
  );
}
