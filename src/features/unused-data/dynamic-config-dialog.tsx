import { useEffect, useId, useMemo, useState } from 'react';
import type { DynamicConfig } from '../../api/auto-kill-config.ts';
import { AuditCommentField, auditCommentProblem } from '../../components/audit-comment-field.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { DialogForm, DialogSubmitFooter } from '../../components/dialog-form.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { AuditAuthorField } from '../../components/operator-settings/audit-author-field.tsx';
import { useAuditAuthorField } from '../../components/operator-settings/use-audit-author-field.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid.ts';
import {
  changedFields,
  diffKillConfig,
  fromForm,
  type KillConfigForm,
  killConfigValues,
  toForm,
} from './config-changes.ts';
import { ConfigDiffList } from './config-diff-list.tsx';
import { useSaveKillConfig } from './use-save-kill-config.ts';

interface DynamicConfigDialogProps {
  open: boolean;
  onClose: () => void;
  current: DynamicConfig;
}

type Errors = Partial<KillConfigForm> & { comment?: string; name?: string };

/** Edits the kill fields of the dynamic config; the exact diff shows before saving, Druid's refusal after. */
export function DynamicConfigDialog({ open, onClose, current }: DynamicConfigDialogProps) {
  const id = useId();
  const before = useMemo(() => killConfigValues(current), [current]);
  const [form, setForm] = useState<KillConfigForm>(() => toForm(before));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const author = useAuditAuthorField(open);
  const invalid = useFocusFirstInvalid();
  const save = useSaveKillConfig(onClose);
  const { reset } = save;

  useEffect(() => {
    if (open) {
      setForm(toForm(before));
      setComment('');
      setErrors({});
      reset();
    }
  }, [open, before, reset]);

  const read = fromForm(form);
  const changes = 'values' in read ? diffKillConfig(before, read.values) : [];
  const set = (field: keyof KillConfigForm) => (event: { target: { value: string } }) =>
    setForm((old) => ({ ...old, [field]: event.target.value }));

  const submit = () => {
    const next: Errors = 'error' in read ? { ...read.error } : {};
    next.comment = auditCommentProblem(comment, 'Say why you are changing the kill settings.');
    next.name = author.problem() ?? undefined;
    setErrors(next);
    if (Object.values(next).some(Boolean) || !('values' in read)) {
      invalid.focusFirstInvalid();
      return;
    }
    save.mutate({ changes: changedFields(before, read.values), author: author.commit(), comment: comment.trim() });
  };

  const field = (name: keyof KillConfigForm, label: string, hint: string, multiline = false) => {
    const props = {
      id: `${id}-${name}`,
      value: form[name],
      onChange: set(name),
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': `${id}-${name}-hint${errors[name] ? ` ${id}-${name}-error` : ''}`,
    };
    return (
      <div className="field">
        <label htmlFor={props.id}>{label}</label>
        {multiline ? <textarea rows={3} className="mono" {...props} /> : <input {...props} />}
        <span id={`${id}-${name}-hint`} className="field-hint">
          {hint}
        </span>
        <FieldError id={`${id}-${name}-error`} error={errors[name]} />
      </div>
    );
  };

  const pending = save.isPending;
  return (
    <Dialog
      open={open}
      onClose={() => !pending && onClose()}
      title="Edit kill settings"
      size="large"
      footer={
        <DialogSubmitFooter
          formId={`${id}-form`}
          label="Save kill settings"
          onCancel={onClose}
          pending={pending}
          disabled={changes.length === 0}
        />
      }
    >
      <DialogForm id={`${id}-form`} formRef={invalid.ref} onSubmit={submit}>
        {field(
          'whitelist',
          'killDataSourceWhitelist',
          'Datasources auto-kill may delete from, one per line. Empty means every datasource.',
          true,
        )}
        {field('ratio', 'killTaskSlotRatio', 'Share of the task slots kill tasks may use, 0 to 1.')}
        {field('maxSlots', 'maxKillTaskSlots', 'At most this many kill tasks at once; empty for no cap.')}
        {field(
          'pendingSkipList',
          'killPendingSegmentsSkipList',
          'Datasources whose stale pending segments are not cleaned up, one per line.',
          true,
        )}
        <section aria-labelledby={`${id}-diff`} className="stack">
          <h3 id={`${id}-diff`}>What saving changes</h3>
          <ConfigDiffList changes={changes} label="Changes to save" />
        </section>
        <AuditCommentField id={`${id}-comment`} value={comment} onChange={setComment} error={errors.comment} hint />
        <AuditAuthorField field={author} id={`${id}-name`} error={errors.name} />
        {save.error && <QueryErrorAlert error={save.error} title="Druid refused the change; nothing was saved" />}
      </DialogForm>
    </Dialog>
  );
}
