import { useId } from 'react';

interface RulesJsonEditorProps {
  text: string;
  error: string | null;
  onChange: (text: string) => void;
}

/** The rules as Druid's JSON; every valid edit flows into the form, an invalid one is named and blocks saving. */
export function RulesJsonEditor({ text, error, onChange }: RulesJsonEditorProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Rules as JSON</label>
      <textarea
        id={id}
        className="mono rules-json"
        rows={Math.min(30, Math.max(10, text.split('\n').length + 1))}
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        The same rules as the form: a JSON array, first match wins. Fields Druid fills in by default are shown filled
        in.
      </span>
      {error && (
        <p id={`${id}-error`} className="alert error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
