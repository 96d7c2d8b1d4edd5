import type { AuditEntry } from '../../api/history.ts';
import { formatCountOf } from '../../components/format.ts';
import type { RulesDraft } from './rules-draft-storage.ts';

function localTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

interface DraftOfferProps {
  draft: RulesDraft;
  /** True when the server's rules changed since the draft was started. */
  serverChanged: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}

/** Unsaved edits found in this browser, offered back before anything overwrites them. */
export function DraftOffer({ draft, serverChanged, onRestore, onDiscard }: DraftOfferProps) {
  return (
    <section className="alert info stack" aria-label="Unsaved edits found">
      <span>
        You have unsaved edits to these rules from {localTime(draft.savedAt)}
        {draft.restoredFrom ? `, restoring the rules of ${draft.restoredFrom}` : ''} (
        {formatCountOf(draft.rules.length, 'rule')}), kept in this browser.
        {serverChanged && ' The saved rules have changed since; saving will show you both versions.'}
      </span>
      <div className="row">
        <button type="button" className="primary" onClick={onRestore}>
          Restore my edits
        </button>
        <button type="button" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </section>
  );
}

interface RestoreBannerProps {
  auditTime: string;
  entry: AuditEntry | null;
  onCancel: () => void;
}

/** The editor holds the rules of an audit entry as unsaved edits. */
export function RestoreBanner({ auditTime, entry, onCancel }: RestoreBannerProps) {
  return (
    <section className="alert info stack" aria-label="Restoring an earlier version">
      <span>
        Restoring the rules of <strong>{auditTime}</strong>
        {entry?.author ? ` by ${entry.author}` : ''}
        {entry?.comment ? ` (“${entry.comment}”)` : ''}. They are unsaved edits below: review them, then save to apply.
      </span>
      <div>
        <button type="button" onClick={onCancel}>
          Cancel the restore
        </button>
      </div>
    </section>
  );
}
