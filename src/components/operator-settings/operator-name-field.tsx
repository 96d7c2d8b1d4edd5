import { headerValueProblem } from '../../api/audit-author.ts';
import { FieldError } from '../field-error.tsx';

/** Validation of an operator name: required, one line, sendable as the `X-Druid-Author` header. */
export function operatorNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter your name.';
  if (trimmed.length > 200) return 'Keep it under 200 characters.';
  return headerValueProblem(trimmed);
}

interface OperatorNameFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}

/** The labelled name input used by the settings dialog and by the save dialog when no name is set yet. */
export function OperatorNameField({ id, value, onChange, error, autoFocus }: OperatorNameFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        value={value}
        autoComplete="name"
        // biome-ignore lint/a11y/noAutofocus: in the settings dialog the name is the only thing asked for
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        Recorded as the author of rule changes in Druid's audit log when you are not signed in as a Druid user. Kept in
        this browser.
      </span>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
