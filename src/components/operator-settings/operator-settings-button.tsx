/**
 * Header button for the operator's name (the audit author when no Druid user is signed in). Mount it once in the
 * shell header: `<OperatorSettingsButton />`.
 */
import { useState, useSyncExternalStore } from 'react';
import { getCredentials, subscribeCredentials } from '../../api/credentials.ts';
import { OperatorSettingsDialog } from './operator-settings-dialog.tsx';
import { useOperatorName } from './use-operator-name.ts';

export function OperatorSettingsButton() {
  const [open, setOpen] = useState(false);
  const name = useOperatorName();
  const druidUser = useSyncExternalStore(subscribeCredentials, getCredentials)?.username ?? null;
  const author = druidUser ?? name;
  return (
    <>
      <button
        type="button"
        className="ghost"
        onClick={() => setOpen(true)}
        aria-label={author ? `Audit author: ${author} (operator settings)` : 'Set your name for the audit log'}
        title="Operator settings"
      >
        {author ? <span className="muted">Author: {author}</span> : 'Set your name'}
      </button>
      <OperatorSettingsDialog open={open} onClose={() => setOpen(false)} druidUser={druidUser} />
    </>
  );
}
