import { useCanWrite } from '../../api/write-permissions.ts';

interface RulesSaveBarProps {
  dirty: boolean;
  /** Problems that block saving, each naming the rule's position and field. */
  errors: string[] | null;
  onSave: () => void;
  onDiscard: () => void;
  /** The rules being edited, to know whether Druid has already refused this user a change there. */
  dataSource: string;
}

/** Sticky status and actions under the editor. */
export function RulesSaveBar({ dirty, errors, onSave, onDiscard, dataSource }: RulesSaveBarProps) {
  const writable = useCanWrite(dataSource);
  return (
    <div className="rules-save-bar stack">
      {!writable && (
        <p className="alert warning" role="status">
          You may read but not change these rules: Druid refused your last change. Sign in as another user to save.
        </p>
      )}
      {errors && errors.length > 0 && (
        <div className="alert error" role="alert">
          <strong>
            Cannot save: fix {errors.length === 1 ? 'this problem' : `these ${errors.length} problems`} first.
          </strong>
          <ul className="save-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <span className={dirty ? 'badge unsaved' : 'muted'} role="status">
          {dirty ? 'Unsaved edits' : 'No unsaved edits'}
        </span>
        <span className="spacer" />
        <button type="button" onClick={onDiscard} disabled={!dirty}>
          Discard edits
        </button>
        <button type="button" className="primary" onClick={onSave} disabled={!dirty || !writable}>
          Save…
        </button>
      </div>
    </div>
  );
}
