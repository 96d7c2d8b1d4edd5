import { useEffect, useId, useState } from 'react';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { TypedConfirmation } from '../../components/confirm-dialog.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { DialogForm, DialogSubmitFooter } from '../../components/dialog-form.tsx';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { toast } from '../../components/toast.ts';
import { FleetRunSummary } from './fleet-run-summary.tsx';
import type { FleetRunRequest, useFleetRun } from './use-fleet-run.ts';

interface FleetSaveDialogProps {
  open: boolean;
  onClose: () => void;
  run: ReturnType<typeof useFleetRun>;
  /** Everything but the author and comment. */
  request: Omit<FleetRunRequest, 'author' | 'comment'>;
  initialComment: string;
  /** Datasources that would lose data: saving then asks for a typed confirmation. */
  losingData: number;
}

const UNDO_WINDOW_MS = 20_000;

/** The typed text when a fleet save drops loaded data. */
export const dropConfirmation = (count: number) => `drop data of ${formatCountOf(count, 'datasource')}`;

/** One author and comment for every datasource, then the run: progress, Cancel, the summary, Retry failed, Undo. */
export function FleetSaveDialog({ open, onClose, run, request, initialComment, losingData }: FleetSaveDialogProps) {
  const id = useId();
  const author = useAuditAuthorField(open);
  const [comment, setComment] = useState(initialComment);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; name?: string }>({});
  const { state } = run;
  const running = state.phase === 'running';

  useEffect(() => {
    if (!open) return;
    setComment(initialComment);
    setTyped('');
    setErrors({});
  }, [open, initialComment]);

  const expected = losingData > 0 ? dropConfirmation(losingData) : null;
  const canSave = !running && (expected === null || typed === expected);
  const submit = () => {
    const next = {
      comment: auditCommentProblem(comment, 'Say why you are changing the rules.'),
      name: author.problem() ?? undefined,
    };
    setErrors(next);
    if (next.comment || next.name || !canSave) return;
    void run.start({ ...request, author: author.commit(), comment: comment.trim() });
  };
  const close = () => {
    if (running) return;
    // Closing keeps Undo at hand for a while, as every bulk change of the console does.
    const toUndo = run.savedCount();
    const generation = run.generation();
    if (state.phase === 'done' && toUndo > 0)
      toast.success(state.report.title, {
        duration: UNDO_WINDOW_MS,
        action: {
          label: `Undo (${formatCountOf(toUndo, 'datasource')})`,
          onClick: () => {
            if (run.generation() !== generation) {
              toast.warning('A newer save started since: undo it from its own dialog.');
              return;
            }
            void run.undo().then((report) => {
              if (report) (report.tone === 'success' ? toast.success : toast.warning)(report.title);
            });
          },
        },
      });
    run.reset();
    onClose();
  };

  const footer =
    state.phase === 'idle' ? (
      <DialogSubmitFooter
        formId={`${id}-form`}
        label={`Save ${formatCountOf(request.items.length, 'datasource')}`}
        onCancel={close}
        disabled={!canSave}
        danger={expected !== null}
      />
    ) : running ? (
      <button type="button" onClick={run.cancel}>
        Cancel
      </button>
    ) : (
      <>
        {state.kind === 'save' && state.outcome.failed.length > 0 && (
          <button type="button" onClick={() => void run.retryFailed()}>
            Retry failed
          </button>
        )}
        {run.savedCount() > 0 && (
          <button type="button" onClick={() => void run.undo()}>
            Undo: restore {formatCountOf(run.savedCount(), 'datasource')}
          </button>
        )}
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      </>
    );

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Save the rules of ${formatCountOf(request.items.length, 'datasource')}`}
      size="large"
      footer={footer}
    >
      {state.phase === 'idle' && (
        <DialogForm id={`${id}-form`} onSubmit={submit}>
          <p>
            One request per datasource; {formatCount(request.unchanged.length)} unchanged datasources are not sent.
            Before sending, every datasource’s rules are read again: one someone changed since the review is left alone.
          </p>
          <AuditCommentField id={`${id}-comment`} value={comment} onChange={setComment} error={errors.comment} />
          <AuditAuthorField field={author} id={`${id}-name`} error={errors.name} />
          {expected && <TypedConfirmation expected={expected} value={typed} onChange={setTyped} onConfirm={submit} />}
        </DialogForm>
      )}
      {state.phase === 'running' && (
        <div className="stack">
          <label htmlFor={`${id}-progress`}>
            {state.kind === 'undo' ? 'Restoring' : 'Saving'}: {formatCount(state.progress.done)} of{' '}
            {formatCountOf(state.progress.total, 'datasource')}
            {state.progress.failed > 0 && `, ${formatCount(state.progress.failed)} failed`}
          </label>
          <progress id={`${id}-progress`} max={Math.max(1, state.progress.total)} value={state.progress.done} />
        </div>
      )}
      {state.phase === 'done' && <FleetRunSummary report={state.report} />}
    </Dialog>
  );
}
