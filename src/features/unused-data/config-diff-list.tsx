import type { FieldChange } from './config-changes.ts';
import type { ConfigFieldDiff } from './config-history-diff.ts';

/** Field by field, before → after; list fields also name what was added and removed. */
export function ConfigDiffList({
  changes,
  label,
}: {
  changes: ReadonlyArray<FieldChange | ConfigFieldDiff>;
  label: string;
}) {
  if (changes.length === 0) return <p className="muted">No field changes.</p>;
  return (
    <ul className="config-diff" aria-label={label}>
      {changes.map((change) => (
        <li key={change.field}>
          <span className="mono">{change.field}</span>: <span className="visually-hidden">was </span>
          <del>{change.before}</del> → <span className="visually-hidden">now </span>
          <ins>{change.after}</ins>
          {change.added && change.added.length > 0 && <span className="muted"> (added {change.added.join(', ')})</span>}
          {change.removed && change.removed.length > 0 && (
            <span className="muted"> (removed {change.removed.join(', ')})</span>
          )}
        </li>
      ))}
    </ul>
  );
}
