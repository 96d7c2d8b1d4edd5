import { OperatorNameField } from './operator-name-field.tsx';
import type { AuditAuthorFieldState } from './use-audit-author-field.ts';
import './operator-settings.css';

interface AuditAuthorFieldProps {
  field: AuditAuthorFieldState;
  /** The input's id: the form's first-invalid focus finds it by `aria-invalid`. */
  id: string;
  error?: string | null;
}

/** "Your name" the first time; afterwards one line, "Recorded as Ada · Change", that reopens the field. */
export function AuditAuthorField({ field, id, error }: AuditAuthorFieldProps) {
  if (field.asking)
    return (
      <OperatorNameField id={id} value={field.name} onChange={field.setName} error={error} autoFocus={field.changing} />
    );
  if (field.druidUser !== null)
    return (
      <p className="muted audit-author-line">
        Recorded as <strong>{field.druidUser}</strong> (the signed-in Druid user).
      </p>
    );
  return (
    <p className="muted audit-author-line">
      Recorded as <strong>{field.operator}</strong>
      <span aria-hidden="true"> · </span>
      <button type="button" className="ghost audit-author-change" aria-label="Change name" onClick={field.change}>
        Change
      </button>
    </p>
  );
}
