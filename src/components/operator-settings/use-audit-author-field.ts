import { useEffect, useState, useSyncExternalStore } from 'react';
import { setOperatorName } from '../../api/audit-author.ts';
import { getCredentials, subscribeCredentials } from '../../api/credentials.ts';
import { operatorNameProblem } from './operator-name-field.tsx';
import { useOperatorName } from './use-operator-name.ts';

/**
 * The author of a change that writes an audit entry: the signed-in Druid user, else the operator's name. The name
 * is asked in the first such dialog, remembered in this browser, and later dialogs only show it ("as Ada · Change").
 * `open` resets a started change each time the dialog opens.
 */
export function useAuditAuthorField(open: boolean) {
  const druidUser = useSyncExternalStore(subscribeCredentials, getCredentials)?.username ?? null;
  const operator = useOperatorName();
  const [name, setName] = useState('');
  const [changing, setChanging] = useState(false);

  useEffect(() => {
    if (open) {
      setChanging(false);
      setName('');
    }
  }, [open]);

  const asking = druidUser === null && (operator === null || changing);
  return {
    druidUser,
    operator,
    name,
    setName,
    /** The name field is shown: no name yet, or the operator chose to change it. */
    asking,
    changing,
    change: () => {
      setName(operator ?? '');
      setChanging(true);
    },
    /** Why the typed name cannot be sent, or null (nothing is asked when the author is known). */
    problem: (): string | null => (asking ? operatorNameProblem(name) : null),
    /** The author to send now; a name typed here is remembered for the next dialogs. Call after `problem()`. */
    commit: (): string => {
      if (druidUser !== null) return druidUser;
      if (!asking) return operator ?? '';
      setOperatorName(name);
      setChanging(false);
      return name.trim();
    },
  };
}

export type AuditAuthorFieldState = ReturnType<typeof useAuditAuthorField>;
