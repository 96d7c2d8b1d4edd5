import type { AuditEntry } from '../../api/history.ts';
import { formatCountOf, formatUtc } from '../../components/format.ts';
import { tryParseInstant } from '../../druid/instant.ts';
import type { RulesDraft } from './rules-draft-storage.ts';

/** `2023-07-18 18:49:43 UTC`; Druid's text unchanged when it does not read as an instant. */
function auditTimeText(auditTime: string): string {
  const ms = tryParseInstant(auditTime);
  return ms === null ? auditTime : formatUtc(ms, { precision: 'seconds', zone: true });
}

function savedTime(ms: number): string {
  return formatUtc(ms, { zone: true });
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
        You have unsaved edits to these rules from {savedTime(draft.savedAt)}
        {draft.restoredFrom ? `, restoring the rules of ${auditTimeText(draft.restoredFrom)}` : ''} (
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
        Restoring the rules of <strong>{auditTimeText(auditTime)}</strong>
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
