import { useEffect, useId, useState } from 'react';
import { setOperatorName } from '../../api/audit-author.ts';
import { Dialog } from '../dialog.tsx';
import { DialogForm, DialogSubmitFooter } from '../dialog-form.tsx';
import { toast } from '../toast.ts';
import { useFocusFirstInvalid } from '../use-focus-first-invalid.ts';
import { OperatorNameField, operatorNameProblem } from './operator-name-field.tsx';
import { useOperatorName } from './use-operator-name.ts';

interface OperatorSettingsDialogProps {
  open: boolean;
  onClose: () => void;
  /** The signed-in Druid user, whose name takes precedence as the author. */
  druidUser: string | null;
}

/** Sets the name recorded as `X-Druid-Author`; the signed-in Druid user wins when there is one. */
export function OperatorSettingsDialog({ open, onClose, druidUser }: OperatorSettingsDialogProps) {
  const current = useOperatorName();
  const id = useId();
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const invalid = useFocusFirstInvalid();

  useEffect(() => {
    if (open) {
      setName(current ?? '');
      setError(null);
    }
  }, [open, current]);

  const save = () => {
    const problem = operatorNameProblem(name);
    if (problem) {
      setError(problem);
      invalid.focusFirstInvalid();
      return;
    }
    setOperatorName(name);
    toast.success(`Changes will be recorded as ${name.trim()}.`);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Operator settings"
      size="small"
      footer={
        <DialogSubmitFooter formId={`${id}-form`} label="Save" onCancel={onClose}>
          {current && (
            <button
              type="button"
              className="ghost"
              onClick={() => {
                setOperatorName(null);
                onClose();
              }}
            >
              Forget my name
            </button>
          )}
        </DialogSubmitFooter>
      }
    >
      <DialogForm id={`${id}-form`} formRef={invalid.ref} onSubmit={save}>
        {druidUser && (
          <p className="alert info">
            You are signed in as <strong>{druidUser}</strong>; Druid records that user as the author while you are
            signed in.
          </p>
        )}
        <OperatorNameField id={`${id}-name`} value={name} onChange={setName} error={error} autoFocus />
      </DialogForm>
    </Dialog>
  );
}
