import { RuleList } from '../../components/rules/rule-summary.tsx';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';
import type { Rule } from '../../druid/rule-schemas.ts';
import { lastChangeSentence } from './last-change-sentence.ts';
import type { RulesConflict } from './use-save-flow.ts';

interface RulesConflictViewProps {
  dataSource: string;
  check: RulesConflict;
  edited: readonly Rule[];
}

/** Both versions side by side, and how saving would change the server's version. */
export function RulesConflictView({ dataSource, check, edited }: RulesConflictViewProps) {
  return (
    <div className="stack">
      <p className="alert warning" role="alert">
        The rules of <strong>{dataSource}</strong> were changed by someone else since you started editing.
        {check.lastChange && ` ${lastChangeSentence(check.lastChange)}`} Saving now would replace their version with
        yours.
      </p>
      <div className="conflict-columns">
        <section aria-labelledby="conflict-server">
          <h3 id="conflict-server">On the server now</h3>
          {check.kind === 'changed' ? (
            <RuleList
              rules={check.server}
              label="Rules on the server now"
              emptyText="No rules (cluster defaults apply)."
            />
          ) : (
            <>
              <p className="field-error">{check.error}</p>
              <pre className="mono conflict-raw">{JSON.stringify(check.raw, null, 2)}</pre>
            </>
          )}
        </section>
        <section aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">Your edits</h3>
          <RuleList rules={edited} label="Your edited rules" emptyText="No rules (cluster defaults apply)." />
        </section>
      </div>
      {check.kind === 'changed' && (
        <RulesDiffView before={check.server} after={edited} label="What overwriting would change on the server" />
      )}
    </div>
  );
}
