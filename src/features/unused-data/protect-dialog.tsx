import { useEffect, useId, useState } from 'react';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { DialogForm, DialogSubmitFooter } from '../../components/dialog-form.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid.ts';
import { describeValue } from './config-changes.ts';
import { ConfigDiffList } from './config-diff-list.tsx';
import { useSaveKillConfig } from './use-save-kill-config.ts';
import { protectDataSource, unprotectDataSource } from './whitelist-change.ts';

export interface ProtectRequest {
  dataSource: string;
  /** True: keep auto-kill away from it; false: let auto-kill delete from it again. */
  protect: boolean;
}

interface ProtectDialogProps {
  request: ProtectRequest | null;
  whitelist: readonly string[];
  /** Every datasource in the metadata store: what an empty whitelist means. */
  allDataSources: readonly string[];
  /** The Overlord's embedded kill (Druid 34+) ignores the whitelist. */
  embeddedKillOn: boolean;
  onClose: () => void;
}

/**
 * Druid has only an allow list, so "protect" is a whitelist edit the console computes. When it turns "every
 * datasource" into a list (datasources created later are then protected too), the operator types the datasource
 * name, because that changes what auto-kill does to the whole cluster.
 */
export function ProtectDialog({ request, whitelist, allDataSources, embeddedKillOn, onClose }: ProtectDialogProps) {
  const id = useId();
  const open = request !== null;
  const author = useAuditAuthorField(open);
  const invalid = useFocusFirstInvalid();
  const save = useSaveKillConfig(onClose);
  const { reset } = save;
  const [comment, setComment] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<{ comment?: string; name?: string; typed?: string }>({});

  useEffect(() => {
    if (open) {
      setComment('');
      setTyped('');
      setErrors({});
      reset();
    }
  }, [open, reset]);

  if (!request) return null;
  const { dataSource, protect } = request;
  const change = protect
    ? protectDataSource(whitelist, dataSource, allDataSources)
    : unprotectDataSource(whitelist, dataSource);
  const clusterWide = change.fromAll || change.becomesAll;
  const diff = [
    {
      field: 'killDataSourceWhitelist',
      before: describeValue('killDataSourceWhitelist', whitelist),
      after: describeValue('killDataSourceWhitelist', change.next),
      added: change.next.filter((name) => !whitelist.includes(name)),
      removed: whitelist.filter((name) => !change.next.includes(name)),
    },
  ];

  const submit = () => {
    const next = {
      comment: auditCommentProblem(comment, 'Say why.'),
      name: author.problem() ?? undefined,
      typed: clusterWide && typed !== dataSource ? `Type ${dataSource} to confirm.` : undefined,
    };
    setErrors(next);
    if (next.comment || next.name || next.typed || change.becomesAll) {
      invalid.focusFirstInvalid();
      return;
    }
    save.mutate({
      changes: { killDataSourceWhitelist: change.next },
      author: author.commit(),
      comment: comment.trim(),
    });
  };

  const title = protect ? `Protect ${dataSource} from auto-kill` : `Let auto-kill delete from ${dataSource}`;
  const pending = save.isPending;
  return (
    <Dialog
      open={open}
      onClose={() => !pending && onClose()}
      title={title}
      size="large"
      footer={
        <DialogSubmitFooter
          formId={`${id}-form`}
          label={protect ? `Protect ${dataSource}` : 'Allow auto-kill'}
          onCancel={onClose}
          pending={pending}
          disabled={change.becomesAll}
        />
      }
    >
      <DialogForm id={`${id}-form`} formRef={invalid.ref} onSubmit={submit}>
        <p>
          Druid has no list of datasources to skip, only <span className="mono">killDataSourceWhitelist</span>: the
          datasources auto-kill may delete from, where an empty list means every datasource.
        </p>
        {change.fromAll && (
          <div className="alert warning" role="note">
            The list is empty today, so auto-kill may delete from every datasource. Protecting {dataSource} replaces it
            with the {change.next.length} other datasources by name: datasources created later will <strong>not</strong>{' '}
            be auto-killed until they are added.
          </div>
        )}
        {protect && embeddedKillOn && (
          <div className="alert warning" role="note">
            The Overlord’s embedded kill is on and ignores this list: it will still delete {dataSource}’s unused
            segments after its buffer period.
          </div>
        )}
        {change.becomesAll && (
          <div className="alert error" role="alert">
            {dataSource} is the only datasource in the list. Removing it would leave the list empty, which Druid reads
            as every datasource; turn auto-kill off instead (druid.coordinator.kill.on).
          </div>
        )}
        <ConfigDiffList changes={diff} label="Change to killDataSourceWhitelist" />
        <AuditCommentField id={`${id}-comment`} value={comment} onChange={setComment} error={errors.comment} />
        <AuditAuthorField field={author} id={`${id}-name`} error={errors.name} />
        {clusterWide && !change.becomesAll && (
          <div className="field">
            <label htmlFor={`${id}-typed`}>
              Type <strong className="mono">{dataSource}</strong> to confirm
            </label>
            <input
              id={`${id}-typed`}
              className="mono"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.typed ? true : undefined}
              aria-describedby={errors.typed ? `${id}-typed-error` : undefined}
              onChange={(event) => setTyped(event.target.value)}
            />
            <FieldError id={`${id}-typed-error`} error={errors.typed} />
          </div>
        )}
        {save.error && <QueryErrorAlert error={save.error} title="Druid refused the change; nothing was saved" />}
      </DialogForm>
    </Dialog>
  );
}
