import { headerValueProblem } from '../api/audit-author.ts';
import { FieldError } from './field-error.tsx';

interface AuditCommentFieldProps {
  /** The input's id; its hint and error take `${id}-hint` and `${id}-error`. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  /** Says where the comment goes (Druid's audit log); dialogs that explain it elsewhere leave it out. */
  hint?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
}

/** "Comment (why)": the text Druid records with a change as `X-Druid-Comment`. */
export function AuditCommentField({
  id,
  value,
  onChange,
  error,
  hint = false,
  autoFocus,
  disabled,
}: AuditCommentFieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>Comment (why)</label>
      <input
        id={id}
        value={value}
        maxLength={2000}
        // biome-ignore lint/a11y/noAutofocus: only where the comment is the first thing the dialog asks for
        autoFocus={autoFocus}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          Stored in Druid’s audit log with the change (X-Druid-Comment).
        </span>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * Why a comment cannot be sent: `missing` when it is blank (Druid accepts none, but the audit log is only useful
 * with one), else what an HTTP header cannot carry.
 */
export function auditCommentProblem(comment: string, missing: string): string | undefined {
  const trimmed = comment.trim();
  return trimmed ? (headerValueProblem(trimmed) ?? undefined) : missing;
}
